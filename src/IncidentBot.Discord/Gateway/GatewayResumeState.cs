using System.Globalization;

namespace IncidentBot.Discord.Gateway;

/// <summary>What resuming a gateway session takes (https://docs.discord.com/developers/events/gateway#resuming), as the lease stores it.</summary>
internal sealed record GatewayResumeState(string SessionId, Uri ResumeUrl, long? Sequence)
{
    /// <summary>The stored form, one field a line; empty when there is no session to resume.</summary>
    public static string Format(GatewayResumeState? state) => state is null
        ? ""
        : string.Create(CultureInfo.InvariantCulture, $"{state.SessionId}\n{state.ResumeUrl}\n{state.Sequence}");

    public static GatewayResumeState? Parse(string? stored)
    {
        var lines = (stored ?? "").Split('\n');
        return lines.Length == 3 && lines[0].Length > 0 && Uri.TryCreate(lines[1], UriKind.Absolute, out var url)
            ? new GatewayResumeState(lines[0], url, long.TryParse(lines[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : null)
            : null;
    }
}

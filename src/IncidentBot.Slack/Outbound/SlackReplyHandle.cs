using System.Diagnostics.CodeAnalysis;

namespace IncidentBot.Slack.Outbound;

/// <summary>
/// A reply handle for commands that came without a <c>response_url</c> (an <c>app_mention</c>, a modal):
/// <c>ephemeral:{channel}:{user}:{thread_ts}</c>, answered with <c>chat.postEphemeral</c>.
/// </summary>
internal sealed record SlackReplyHandle(string Channel, string User, string? ThreadTs)
{
    private const string Prefix = "ephemeral:";

    public override string ToString() => $"{Prefix}{Channel}:{User}:{ThreadTs}";

    public static bool TryParse(string handle, [NotNullWhen(true)] out SlackReplyHandle? parsed)
    {
        parsed = null;
        if (!handle.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = handle[Prefix.Length..].Split(':');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return false;
        }

        parsed = new SlackReplyHandle(parts[0], parts[1], parts[2].Length == 0 ? null : parts[2]);
        return true;
    }
}

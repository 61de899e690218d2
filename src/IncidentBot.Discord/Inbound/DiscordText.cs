using System.Globalization;
using System.Text.RegularExpressions;
using IncidentBot.Core.Policies;

namespace IncidentBot.Discord.Inbound;

/// <summary>
/// Turns Discord's markup (reference/discord.md §7) into the plain text Core stores, as people saw it in the chat:
/// a role is <c>@role</c>, a channel <c>#channel</c>, a timestamp the local time of the configured zone, a custom emoji
/// <c>:name:</c>. A user mention becomes Core's mention token (<c>&lt;@id&gt;</c>), which the command grammar and
/// the postmortem read; the legacy nickname form <c>&lt;@!id&gt;</c> is the same person. Everything else stays as
/// typed: Discord sends what people type as it is, so nothing else is markup.
/// </summary>
internal sealed partial class DiscordText(IncidentPolicy policy)
{
    public string ToPlain(string text) =>
        text.Contains('<', StringComparison.Ordinal) ? Token().Replace(text, Replacement) : text;

    private string Replacement(Match match)
    {
        var g = match.Groups;
        if (g["user"].Success)
        {
            return $"<@{g["user"].Value}>";
        }

        if (g["role"].Success)
        {
            return "@role";
        }

        if (g["channel"].Success)
        {
            return "#channel";
        }

        if (g["time"].Success)
        {
            return long.TryParse(g["time"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
                ? LocalTime(seconds) ?? match.Value
                : match.Value;
        }

        if (g["emoji"].Success)
        {
            return $":{g["emoji"].Value}:";
        }

        return g["command"].Success ? "/" + g["command"].Value : g["url"].Value;
    }

    private string? LocalTime(long unixSeconds)
    {
        if (unixSeconds < -62135596800 || unixSeconds > 253402300799)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(unixSeconds), policy.TimeZone);
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(
        @"<(?:@!?(?<user>\d{1,25})|@&(?<role>\d{1,25})|#(?<channel>\d{1,25})|t:(?<time>-?\d{1,15})(?::[tTdDfFsSR])?|a?:(?<emoji>\w{1,32}):\d{1,25}|/(?<command>[\w -]{1,100}):\d{1,25}|(?<url>https?://[^<>\s]{1,2000}))>",
        RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}

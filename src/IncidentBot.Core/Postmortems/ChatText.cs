using System.Globalization;
using System.Text.RegularExpressions;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Postmortems;

/// <summary>
/// Turns text as the platform stored it into what people saw in the chat: user mentions become <c>@name</c>,
/// channels <c>#name</c>, Discord timestamps a local time. The result is plain text, escaped later like any
/// other; a Markdown file pings no one, so <c>&lt;!channel&gt;</c> may read as <c>@channel</c>.
/// </summary>
internal sealed partial class ChatText(Platform platform, IReadOnlyDictionary<string, string> names, TimeZoneInfo zone)
{
    public string ToPlain(string text) => platform switch
    {
        Platform.Slack => SlackPlain(text),
        _ => text.Contains('<', StringComparison.Ordinal) ? DiscordToken().Replace(text, DiscordReplacement) : text,
    };

    /// <summary>The name to show for a user id: the one we know, else the id itself.</summary>
    public string NameOf(string userId) => names.TryGetValue(userId, out var name) ? name : userId;

    /// <summary>
    /// Slack sends <c>&lt;…&gt;</c> only for its own tokens and escapes what the user typed as <c>&amp;lt;</c>,
    /// <c>&amp;gt;</c>, <c>&amp;amp;</c> (reference/slack.md §9), so tokens are read first and the entities
    /// decoded last, ampersand last of all so <c>&amp;amp;lt;</c> stays <c>&amp;lt;</c>.
    /// </summary>
    private string SlackPlain(string text)
    {
        var plain = text.Contains('<', StringComparison.Ordinal) ? SlackToken().Replace(text, SlackReplacement) : text;
        return plain.Contains('&', StringComparison.Ordinal)
            ? plain.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal)
            : plain;
    }

    private string SlackReplacement(Match match)
    {
        var body = match.Groups["body"].Value;
        var bar = body.IndexOf('|', StringComparison.Ordinal);
        var target = bar < 0 ? body : body[..bar];
        var label = bar < 0 || bar == body.Length - 1 ? null : body[(bar + 1)..];
        if (target.StartsWith('@'))
        {
            return "@" + (label ?? NameOf(target[1..]));
        }

        if (target.StartsWith('#'))
        {
            return "#" + (label ?? target[1..]);
        }

        if (target.StartsWith("!subteam^", StringComparison.Ordinal))
        {
            return label is null ? "@group" : (label.StartsWith('@') ? label : "@" + label);
        }

        if (target.StartsWith("!date^", StringComparison.Ordinal))
        {
            var parts = target.Split('^');
            return label ?? (parts.Length > 1 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? LocalTime(seconds)
                : target);
        }

        if (target.StartsWith('!'))
        {
            return "@" + (label ?? target[1..]);
        }

        return label is null || label == target ? target : $"{label} ({target})";
    }

    private string DiscordReplacement(Match match)
    {
        // Discord markup reference: reference/discord.md §7.
        var g = match.Groups;
        if (g["user"].Success)
        {
            return "@" + NameOf(g["user"].Value);
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
                ? LocalTime(seconds)
                : match.Value;
        }

        if (g["emoji"].Success)
        {
            return $":{g["emoji"].Value}:";
        }

        if (g["command"].Success)
        {
            return "/" + g["command"].Value;
        }

        return g["url"].Value;
    }

    private string LocalTime(long unixSeconds)
    {
        if (unixSeconds < -62135596800 || unixSeconds > 253402300799)
        {
            return unixSeconds.ToString(CultureInfo.InvariantCulture);
        }

        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(unixSeconds), zone);
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"<(?<body>[^<>\n]{1,1000})>", RegexOptions.CultureInvariant)]
    private static partial Regex SlackToken();

    [GeneratedRegex(
        @"<(?:@!?(?<user>\d{1,25})|@&(?<role>\d{1,25})|#(?<channel>\d{1,25})|t:(?<time>-?\d{1,15})(?::[tTdDfFsSR])?|a?:(?<emoji>\w{1,32}):\d{1,25}|/(?<command>[\w -]{1,100}):\d{1,25}|(?<url>https?://[^<>\s]{1,2000}))>",
        RegexOptions.CultureInvariant)]
    private static partial Regex DiscordToken();
}

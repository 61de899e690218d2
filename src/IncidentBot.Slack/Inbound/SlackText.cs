using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace IncidentBot.Slack.Inbound;

/// <summary>
/// Turns text as Slack sends it (mrkdwn with <c>&amp;amp; &amp;lt; &amp;gt;</c> escaped and markup in angle
/// brackets, <see href="https://docs.slack.dev/messaging/formatting-message-text"/>) into the plain text Core
/// stores. Real <c>&lt;…&gt;</c> are always markup, because Slack escapes the characters people type.
/// </summary>
internal static partial class SlackText
{
    /// <summary>
    /// Thread messages: every piece of markup becomes readable text (<c>@name</c>, <c>#channel</c>, a link's
    /// label and address), then the entities are decoded.
    /// </summary>
    public static string ToPlain(string? text, Func<string, string> userName) =>
        Convert(text, userName, keepUserMentions: false);

    /// <summary>
    /// Command text: user mentions stay in Slack's encoded form, which the shared grammar reads
    /// (<c>commander &lt;@U123|jens&gt;</c>); other markup becomes readable text and entities are decoded.
    /// </summary>
    public static string ForCommand(string? text) => Convert(text, id => id, keepUserMentions: true);

    /// <summary>Removes a leading mention of the bot (<c>&lt;@UBOT&gt; ack</c>), as in an <c>app_mention</c>.</summary>
    public static string StripLeadingMention(string? text, string? botUserId)
    {
        var trimmed = (text ?? string.Empty).TrimStart();
        var match = LeadingMention().Match(trimmed);
        if (match.Success && (botUserId is null || match.Groups["id"].Value == botUserId))
        {
            return trimmed[match.Length..].TrimStart();
        }

        return trimmed;
    }

    private static string Convert(string? text, Func<string, string> userName, bool keepUserMentions)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var last = 0;
        foreach (Match match in Markup().Matches(text))
        {
            builder.Append(WebUtility.HtmlDecode(text[last..match.Index]));
            builder.Append(Readable(match.Groups["body"].Value, match.Value, userName, keepUserMentions));
            last = match.Index + match.Length;
        }

        builder.Append(WebUtility.HtmlDecode(text[last..]));
        return builder.ToString();
    }

    private static string Readable(string body, string whole, Func<string, string> userName, bool keepUserMentions)
    {
        var bar = body.IndexOf('|', StringComparison.Ordinal);
        var target = bar < 0 ? body : body[..bar];
        var label = bar < 0 ? null : WebUtility.HtmlDecode(body[(bar + 1)..]);
        if (target.StartsWith('@'))
        {
            return keepUserMentions ? whole : "@" + (label ?? userName(target[1..]));
        }

        if (target.StartsWith('#'))
        {
            return "#" + (label ?? target[1..]);
        }

        if (target.StartsWith('!'))
        {
            // <!here>, <!channel>, <!subteam^S123|@oncall>, <!date^…|fallback>: their label, else the keyword.
            return label ?? "@" + target[1..].Split('^')[0];
        }

        var url = WebUtility.HtmlDecode(target);
        if (label is null || url.EndsWith(label, StringComparison.Ordinal))
        {
            return label ?? url;
        }

        return $"{label} ({url})";
    }

    [GeneratedRegex("<(?<body>[^<>]+)>", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    [GeneratedRegex(@"^<@(?<id>[A-Z0-9]+)(\|[^>]*)?>", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingMention();
}

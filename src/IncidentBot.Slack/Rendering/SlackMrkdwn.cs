using System.Globalization;
using System.Text;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Slack.Rendering;

/// <summary>
/// Slack mrkdwn for outgoing text. User text is data: only <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> are
/// escaped, which is exactly what keeps <c>&lt;!channel&gt;</c> in a title from pinging anyone
/// (<see href="https://docs.slack.dev/messaging/formatting-message-text"/>). Only <see cref="UserMention"/>
/// and <see cref="EscalationMention"/> produce pinging markup.
/// </summary>
internal static class SlackMrkdwn
{
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        // Runs between the characters to escape are copied whole: a command's help is 1.7 KB of such text.
        var builder = new StringBuilder(text.Length + 16);
        var rest = text.AsSpan();
        int at;
        while ((at = rest.IndexOfAny('&', '<', '>')) >= 0)
        {
            builder.Append(rest[..at]).Append(rest[at] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                _ => "&gt;",
            });
            rest = rest[(at + 1)..];
        }

        return builder.Append(rest).ToString();
    }

    /// <summary>Bold, with the markers kept off the edges Slack would not parse (leading/trailing spaces).</summary>
    public static string Bold(string text) =>
        text.Trim().Length == 0 ? Escape(text) : $"*{Escape(text.Trim())}*";

    public static string Code(string text) =>
        text.Length == 0 ? string.Empty : $"`{Escape(text.Replace('`', '\''))}`";

    public static string User(string userId) => $"<@{Escape(userId)}>";

    /// <summary>
    /// <c>&lt;!date^unix^tokens|fallback&gt;</c>: each reader sees their own local time; the fallback (UTC) shows
    /// where the client cannot render it.
    /// </summary>
    public static string Date(DateTimeOffset at, TimestampStyle style)
    {
        var unix = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var (tokens, fallback) = style switch
        {
            TimestampStyle.Time => ("{time}", at.UtcDateTime.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture)),
            TimestampStyle.Relative => ("{ago}", at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
            _ => ("{date_short_pretty} {time}", at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
        };
        return $"<!date^{unix}^{tokens}|{fallback}>";
    }

    /// <summary>Renders a message's inlines as mrkdwn.</summary>
    public static string Render(IEnumerable<Inline> inlines, SlackRenderContext context)
    {
        var builder = new StringBuilder();
        foreach (var inline in inlines)
        {
            builder.Append(inline switch
            {
                PlainText t => Escape(t.Value),
                BoldText b => Bold(b.Value),
                CodeText c => Code(c.Value),
                UserMention m => User(m.UserId),
                EscalationMention => context.EscalationMarkup,
                Timestamp t => Date(t.At, t.Style),
                LineBreak => "\n",
                ThreadLink => context.ThreadPermalink is { } link
                    ? $"<{Escape(link)}|the incident thread>"
                    : $"<#{Escape(context.ChannelId)}>",
                _ => string.Empty,
            });
        }

        return builder.ToString();
    }

    /// <summary>Cuts text to at most <paramref name="max"/> characters after escaping, marking the cut with "…".</summary>
    public static string Fit(string escaped, int max)
    {
        if (escaped.Length <= max)
        {
            return escaped;
        }

        var cut = max - 1;
        // Never cut an entity (&amp;) or a surrogate pair in half.
        var amp = escaped.LastIndexOf('&', cut - 1, Math.Min(cut, 5));
        if (amp >= 0 && escaped.IndexOf(';', amp) >= cut)
        {
            cut = amp;
        }

        if (cut > 0 && char.IsHighSurrogate(escaped[cut - 1]))
        {
            cut--;
        }

        return string.Concat(escaped.AsSpan(0, cut), "…");
    }
}

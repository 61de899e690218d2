using System.Text;
using System.Text.RegularExpressions;

namespace IncidentBot.Discord.Rendering;

/// <summary>
/// User text is data: every character Discord's markdown reacts to is escaped with a backslash, links are left
/// whole so they still work, and <c>@everyone</c>/<c>@here</c> get a zero-width space. Escaping is not what stops
/// pings (allowed_mentions is, https://docs.discord.com/developers/resources/message#allowed-mentions-object);
/// it keeps text looking as typed and stops it forging mentions, timestamps or masked links.
/// </summary>
internal static partial class DiscordMarkdown
{
    private const string ZeroWidthSpace = "\u200B";

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 16);
        var position = 0;
        foreach (Match link in LinkPattern().Matches(text))
        {
            EscapeInto(builder, text.AsSpan(position, link.Index - position), position == 0 || text[position - 1] == '\n');
            builder.Append(link.Value);
            position = link.Index + link.Length;
        }

        EscapeInto(builder, text.AsSpan(position), position == 0 || text[position - 1] == '\n');
        return MassMention().Replace(builder.ToString(), "@" + ZeroWidthSpace + "$1");
    }

    /// <summary>Text inside a code span renders literally; only a backtick could end it, so it becomes a look-alike.</summary>
    public static string Code(string text) => "`" + text.Replace('`', 'ˋ').Replace("\n", " ", StringComparison.Ordinal) + "`";

    private static void EscapeInto(StringBuilder builder, ReadOnlySpan<char> text, bool atLineStart)
    {
        foreach (var c in text)
        {
            var lineStartMarker = atLineStart && c is '#' or '-' or '+' or '>';
            if (c is '\\' or '*' or '_' or '~' or '`' or '|' or '<' or '[' or ']' || lineStartMarker)
            {
                builder.Append('\\');
            }

            builder.Append(c);
            atLineStart = c == '\n' || (atLineStart && c is ' ' or '\t');
        }
    }

    [GeneratedRegex(@"https?://[^\s<>\\`|*~\[\]]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"@(everyone|here)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MassMention();
}

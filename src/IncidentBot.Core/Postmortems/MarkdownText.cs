using System.Globalization;
using System.Text;

namespace IncidentBot.Core.Postmortems;

/// <summary>
/// Puts user text into the draft as data. Everything a CommonMark/GFM reader could take for markup is
/// backslash-escaped (spec: https://spec.commonmark.org/0.31.2/#backslash-escapes), so a pasted stack trace,
/// a pipe, a backtick or <c>&lt;script&gt;</c> shows as typed and cannot open a code span, a link, raw HTML,
/// a heading or a new table column. Characters that are markup only in some positions (<c>#</c> and friends at
/// the start of a line, <c>_</c> outside a word) are escaped only there, so the source stays pleasant to edit.
/// </summary>
internal static class MarkdownText
{
    /// <summary>Text inside a line that already started (a list item after its prefix, a label's value).</summary>
    public static void AppendInline(StringBuilder sb, string text)
    {
        if (IsSingleCleanLine(text))
        {
            AppendEscaped(sb, text, lineStart: false);
            return;
        }

        var lines = Lines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            AppendEscaped(sb, lines[i], lineStart: false);
        }
    }

    public static string Inline(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        AppendInline(sb, text);
        return sb.ToString();
    }

    /// <summary>
    /// A GFM table cell: pipes escaped (GFM splits cells on an unescaped <c>|</c> even inside code spans,
    /// https://github.github.com/gfm/#example-200), line breaks as <c>&lt;br&gt;</c> because a cell is one line.
    /// </summary>
    public static string Cell(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        var lines = Lines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                sb.Append("<br>");
            }

            AppendEscaped(sb, lines[i], lineStart: false);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Prose that starts a line (a paragraph, or a list item's text after <c>- </c>). Each line is escaped as
    /// the start of a line, joined with backslash hard breaks (https://spec.commonmark.org/0.31.2/#hard-line-breaks)
    /// and indented by <paramref name="indent"/> so it stays inside its list item. Blank lines are dropped:
    /// inside a list item they would end the paragraph.
    /// </summary>
    public static void AppendParagraph(StringBuilder sb, string text, string indent)
    {
        var first = true;
        foreach (var line in Lines(text))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (!first)
            {
                sb.Append("\\\n").Append(indent);
            }

            AppendEscaped(sb, trimmed, lineStart: true);
            first = false;
        }
    }

    /// <summary>
    /// Multi-line text quoted verbatim in a fenced code block. The fence is one backtick longer than the longest
    /// run inside, so no line of the text can close it (https://spec.commonmark.org/0.31.2/#fenced-code-blocks).
    /// </summary>
    public static void AppendCodeBlock(StringBuilder sb, string text, string indent)
    {
        var lines = Lines(text);
        var fence = new string('`', Math.Max(3, LongestRun(text, '`') + 1));
        sb.Append(indent).Append(fence).Append("text\n");
        foreach (var line in lines)
        {
            var content = line.TrimEnd();
            if (content.Length > 0)
            {
                sb.Append(indent).Append(content);
            }

            sb.Append('\n');
        }

        sb.Append(indent).Append(fence).Append('\n');
    }

    /// <summary>
    /// A YAML double-quoted scalar (https://yaml.org/spec/1.2.2/#double-quoted-style). Angle brackets are
    /// written as <c>\u003C</c>/<c>\u003E</c>: identical to a YAML reader, and a Markdown renderer that does
    /// not know front matter (it then parses the block as text) finds no raw HTML in it.
    /// </summary>
    public static string YamlString(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '<' or '>')
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>
    /// The text's lines with CR/LF normalised. Control characters other than tab become U+FFFD, as CommonMark
    /// does for NUL: they have no business in a document and some editors choke on them.
    /// </summary>
    public static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' || c == '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                lines.Add(sb.ToString());
                sb.Clear();
            }
            else
            {
                sb.Append(c == '\t' || !char.IsControl(c) ? c : '\uFFFD');
            }
        }

        lines.Add(sb.ToString());
        return lines;
    }

    /// <summary>The common case, one line without control characters, needs no splitting.</summary>
    private static bool IsSingleCleanLine(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c != '\t')
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendEscaped(StringBuilder sb, string line, bool lineStart)
    {
        // Trailing spaces make a hard line break; leading ones at the start of a line make a code block.
        var end = line.Length;
        while (end > 0 && line[end - 1] == ' ')
        {
            end--;
        }

        var start = 0;
        if (lineStart)
        {
            while (start < end && line[start] is ' ' or '\t')
            {
                start++;
            }

            start = EscapeLineStart(sb, line, start, end);
        }

        for (var i = start; i < end; i++)
        {
            var c = line[i];
            switch (c)
            {
                case '\\' or '`' or '*' or '~' or '[' or ']' or '<' or '|' or '$':
                    sb.Append('\\').Append(c);
                    break;
                case '_' when !(i > 0 && char.IsLetterOrDigit(line[i - 1]) && i + 1 < end && char.IsLetterOrDigit(line[i + 1])):
                    // An underscore between two letters never starts emphasis in GFM (snake_case stays as typed).
                    sb.Append("\\_");
                    break;
                case '&' when LooksLikeEntity(line, i + 1, end):
                    sb.Append("\\&");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
    }

    /// <summary>Neutralises what only means something at the start of a line: headings, quotes, lists, setext rules.</summary>
    private static int EscapeLineStart(StringBuilder sb, string line, int start, int end)
    {
        if (start >= end)
        {
            return start;
        }

        var first = line[start];
        if (first is '#' or '>' or '-' or '+' or '=')
        {
            sb.Append('\\').Append(first);
            return start + 1;
        }

        var digits = start;
        while (digits < end && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        if (digits > start && digits < end && line[digits] is '.' or ')')
        {
            sb.Append(line, start, digits - start).Append('\\').Append(line[digits]);
            return digits + 1;
        }

        return start;
    }

    /// <summary>
    /// Whether an ampersand starts an entity reference (<c>&amp;copy;</c>, <c>&amp;#60;</c>, <c>&amp;#x3C;</c>),
    /// the only case it needs escaping (https://spec.commonmark.org/0.31.2/#entity-and-numeric-character-references).
    /// </summary>
    private static bool LooksLikeEntity(string line, int from, int end)
    {
        var i = from;
        if (i < end && line[i] == '#')
        {
            i++;
            if (i < end && line[i] is 'x' or 'X')
            {
                i++;
            }
        }

        var start = i;
        while (i < end && i - start <= 32 && char.IsAsciiLetterOrDigit(line[i]))
        {
            i++;
        }

        return i > start && i < end && line[i] == ';';
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, current = 0;
        foreach (var ch in text)
        {
            current = ch == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }
}

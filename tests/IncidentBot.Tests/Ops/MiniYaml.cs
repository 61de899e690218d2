using System.Text;

namespace IncidentBot.Tests.Ops;

/// <summary>
/// Reads the block-style YAML our Kubernetes manifests and compose file are written in: mappings, sequences,
/// plain and quoted scalars, comments. A mapping is a <see cref="Dictionary{TKey,TValue}"/>, a sequence a
/// <see cref="List{T}"/>, a scalar a string (null for an empty value, <c>~</c> or <c>null</c>).
/// </summary>
/// <remarks>
/// The test project has no YAML package, and these files need no more than this. Everything outside the subset
/// (tabs, anchors, aliases, tags, block scalars, flow collections with content, several documents, duplicate keys,
/// a plain scalar holding ": ") throws <see cref="FormatException"/> with the line number, so a manifest that
/// outgrows the reader fails its test loudly instead of being misread. CI also renders the kustomization with
/// kubectl and validates the compose file with docker-compose.
/// </remarks>
internal static class MiniYaml
{
    public static object? Parse(string text)
    {
        var lines = Tokenize(text);
        if (lines.Count == 0)
        {
            return null;
        }

        var index = 0;
        var root = ParseNode(lines, ref index, lines[0].Indent);
        if (index < lines.Count)
        {
            throw Error(lines[index], "unexpected indentation");
        }

        return root;
    }

    public static Dictionary<string, object?> ParseMapping(string text) =>
        Parse(text) as Dictionary<string, object?> ?? throw new FormatException("The document is not a mapping.");

    private static List<Line> Tokenize(string text)
    {
        var lines = new List<Line>();
        var number = 0;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            number++;
            var indent = 0;
            while (indent < raw.Length && raw[indent] == ' ')
            {
                indent++;
            }

            if (indent < raw.Length && raw[indent] == '\t')
            {
                throw new FormatException($"Line {number}: tabs are not allowed in YAML indentation.");
            }

            var content = StripComment(raw[indent..], number).TrimEnd();
            if (content.Length == 0)
            {
                continue;
            }

            if (content is "---" or "...")
            {
                if (lines.Count == 0 && content == "---")
                {
                    continue;
                }

                throw new FormatException($"Line {number}: only one document per file is supported.");
            }

            if (content.StartsWith('%'))
            {
                throw new FormatException($"Line {number}: directives are not supported.");
            }

            lines.Add(new Line(indent, content, number));
        }

        return lines;
    }

    private static string StripComment(string text, int number)
    {
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } q)
            {
                if ((c == '\\' && q == '"') || (c == '\'' && q == '\'' && i + 1 < text.Length && text[i + 1] == '\''))
                {
                    i++;
                }
                else if (c == q)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'' && (i == 0 || text[i - 1] is ' ' or ':' or '-' or '[' or ','))
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || text[i - 1] == ' '))
            {
                return text[..i];
            }
        }

        return quote is null ? text : throw new FormatException($"Line {number}: unterminated quoted scalar.");
    }

    private static object? ParseNode(List<Line> lines, ref int index, int indent)
    {
        var line = lines[index];
        if (line.Indent != indent)
        {
            throw Error(line, "unexpected indentation");
        }

        return IsSequenceItem(line.Content) ? ParseSequence(lines, ref index, indent) : ParseMappingAt(lines, ref index, indent);
    }

    private static List<object?> ParseSequence(List<Line> lines, ref int index, int indent)
    {
        var items = new List<object?>();
        while (index < lines.Count && lines[index].Indent == indent && IsSequenceItem(lines[index].Content))
        {
            var line = lines[index];
            var afterDash = line.Content[1..];
            var rest = afterDash.TrimStart(' ');
            if (rest.Length == 0)
            {
                index++;
                items.Add(index < lines.Count && lines[index].Indent > indent ? ParseNode(lines, ref index, lines[index].Indent) : null);
                continue;
            }

            // "- key: value" opens a mapping (or "- - x" a sequence) whose column is where its first entry starts.
            var column = indent + 1 + (afterDash.Length - rest.Length);
            if (IsSequenceItem(rest) || SplitKey(rest, line) is not null)
            {
                lines[index] = line with { Indent = column, Content = rest };
                items.Add(ParseNode(lines, ref index, column));
            }
            else
            {
                items.Add(ScalarOrCollection(rest, line));
                index++;
            }
        }

        if (index < lines.Count && lines[index].Indent > indent)
        {
            throw Error(lines[index], "unexpected indentation");
        }

        return items;
    }

    private static Dictionary<string, object?> ParseMappingAt(List<Line> lines, ref int index, int indent)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (index < lines.Count && lines[index].Indent == indent && !IsSequenceItem(lines[index].Content))
        {
            var line = lines[index];
            var (key, rest) = SplitKey(line.Content, line) ?? throw Error(line, "expected 'key: value'");
            if (!map.TryAdd(key, null))
            {
                throw Error(line, $"duplicate key '{key}'");
            }

            index++;
            if (rest.Length > 0)
            {
                map[key] = ScalarOrCollection(rest, line);
            }
            else if (index < lines.Count && lines[index].Indent > indent)
            {
                map[key] = ParseNode(lines, ref index, lines[index].Indent);
            }
            else if (index < lines.Count && lines[index].Indent == indent && IsSequenceItem(lines[index].Content))
            {
                // YAML lets a sequence under a key start at the key's own column.
                map[key] = ParseSequence(lines, ref index, indent);
            }
        }

        if (index < lines.Count && lines[index].Indent > indent)
        {
            throw Error(lines[index], "unexpected indentation");
        }

        return map;
    }

    private static bool IsSequenceItem(string content) => content == "-" || content.StartsWith("- ", StringComparison.Ordinal);

    /// <summary>Splits <c>key: value</c> at the first ": " (or a final ':') outside quotes; null when it is no mapping entry.</summary>
    private static (string Key, string Value)? SplitKey(string content, Line line)
    {
        var end = -1;
        if (content[0] is '"' or '\'')
        {
            end = content.IndexOf(content[0], 1);
            if (end < 0)
            {
                throw Error(line, "unterminated quoted key");
            }
        }

        for (var i = end + 1; i < content.Length; i++)
        {
            if (content[i] == ':' && (i == content.Length - 1 || content[i + 1] == ' '))
            {
                var key = content[..i].Trim();
                if (key.Length == 0)
                {
                    return null;
                }

                return (Scalar(key, line) ?? string.Empty, content[(i + 1)..].Trim());
            }
        }

        return null;
    }

    /// <summary>A value: a scalar, or an empty flow collection (<c>[]</c>, <c>{}</c>), the only flow form allowed.</summary>
    private static object? ScalarOrCollection(string text, Line line) => text switch
    {
        "[]" => new List<object?>(),
        "{}" => new Dictionary<string, object?>(StringComparer.Ordinal),
        _ => Scalar(text, line),
    };

    private static string? Scalar(string text, Line line)
    {
        switch (text[0])
        {
            case '"':
                return DoubleQuoted(text, line);
            case '\'':
                if (text.Length < 2 || text[^1] != '\'')
                {
                    throw Error(line, "unterminated single-quoted scalar");
                }

                return text[1..^1].Replace("''", "'", StringComparison.Ordinal);
            case '&' or '*' or '!' or '|' or '>' or '[' or '{' or '@' or '`':
                throw Error(line, $"'{text[0]}' (anchors, aliases, tags, block scalars, flow collections) is outside the supported YAML");
            default:
                if (text.Contains(": ", StringComparison.Ordinal))
                {
                    throw Error(line, "a plain scalar cannot contain ': '; quote it");
                }

                return text is "~" or "null" or "Null" or "NULL" ? null : text;
        }
    }

    private static string DoubleQuoted(string text, Line line)
    {
        var value = new StringBuilder();
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return i == text.Length - 1 ? value.ToString() : throw Error(line, "text after a closing quote");
            }

            if (c == '\\' && i + 1 < text.Length)
            {
                i++;
                value.Append(text[i] switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '"' => '"',
                    '\\' => '\\',
                    '/' => '/',
                    _ => throw Error(line, $"unsupported escape '\\{text[i]}'"),
                });
            }
            else
            {
                value.Append(c);
            }
        }

        throw Error(line, "unterminated double-quoted scalar");
    }

    private static FormatException Error(Line line, string message) => new($"Line {line.Number}: {message}: {line.Content}");

    private sealed record Line(int Indent, string Content, int Number);
}

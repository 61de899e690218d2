namespace IncidentBot.Slack.Tests.Manifests;

/// <summary>
/// Reads the few things the tests need from our own manifest files: the items of a YAML list under a dotted
/// key path, and scalar values. Only the block style our manifests use is supported (no YAML package here).
/// </summary>
internal sealed class ManifestReader
{
    private readonly List<(string Path, string? Value, bool Plain)> _lines = [];

    public ManifestReader(string path)
    {
        var stack = new List<(int Indent, string Key)>();
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = StripComment(raw);
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var indent = line.Length - line.TrimStart().Length;
            var text = line.Trim();
            var isItem = text.StartsWith("- ", StringComparison.Ordinal);
            if (isItem)
            {
                text = text[2..];
                indent += 2;
            }

            while (stack.Count > 0 && stack[^1].Indent >= indent)
            {
                stack.RemoveAt(stack.Count - 1);
            }

            var parent = string.Join('.', stack.Select(s => s.Key));
            // "key: value" or "key:" opens a mapping entry; "chat:write" is a plain value.
            var colon = text.EndsWith(':') ? text.Length - 1 : text.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0)
            {
                var key = text[..colon];
                var value = text[(colon + 1)..].Trim().Trim('"');
                _lines.Add((Join(parent, key), value.Length == 0 ? null : value, false));
                if (value.Length == 0)
                {
                    stack.Add((indent, key));
                }
            }
            else
            {
                _lines.Add((parent, text.Trim('"'), isItem));
            }
        }
    }

    /// <summary>Plain list items directly under <paramref name="path"/> (e.g. the bot scopes).</summary>
    public IReadOnlyList<string> List(string path) =>
        _lines.Where(l => l.Plain && l.Path == path).Select(l => l.Value!).ToList();

    /// <summary>Values of <paramref name="key"/> in the list of maps under <paramref name="path"/>.</summary>
    public IReadOnlyList<string> Values(string path, string key) =>
        _lines.Where(l => l.Path == $"{path}.{key}" && l.Value is not null).Select(l => l.Value!).ToList();

    public string? Scalar(string path) => _lines.FirstOrDefault(l => l.Path == path).Value;

    private static string Join(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    private static string StripComment(string line)
    {
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (line[i] == '#' && !inQuotes && (i == 0 || line[i - 1] == ' '))
            {
                return line[..i].TrimEnd();
            }
        }

        return line;
    }
}

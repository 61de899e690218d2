using System.Text.RegularExpressions;

namespace IncidentBot.Tests.Ops;

/// <summary>
/// The keys of <c>.env.example</c>: lines <c>Key=value</c> or, commented out, <c># Key=value</c>; every other
/// <c>#</c> line is prose. A key counts as secret when the comment above it ends with "Secret.".
/// </summary>
internal sealed partial class EnvExample
{
    private EnvExample(IReadOnlyList<EnvKey> keys, IReadOnlyList<string> lines)
    {
        Keys = keys;
        Lines = lines;
    }

    public IReadOnlyList<EnvKey> Keys { get; }

    public IReadOnlyList<string> Lines { get; }

    public static EnvExample Load() => Parse(Repository.Read(".env.example"));

    public static EnvExample Parse(string text)
    {
        var lines = text.Split('\n');
        var keys = new List<EnvKey>();
        string? comment = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (KeyLine().Match(line) is { Success: true } match)
            {
                keys.Add(new EnvKey(match.Groups["key"].Value, match.Groups["value"].Value, match.Groups["hash"].Success, comment, i + 1));
            }
            else if (line.StartsWith('#'))
            {
                comment = line.TrimStart('#').Trim();
            }
            else if (line.Trim().Length == 0)
            {
                comment = null;
            }
            else
            {
                throw new FormatException($".env.example line {i + 1} is neither a comment nor Key=value: {line}");
            }
        }

        return new EnvExample(keys, lines);
    }

    [GeneratedRegex(@"^(?<hash># )?(?<key>[A-Za-z][A-Za-z0-9_]*)=(?<value>.*)$")]
    private static partial Regex KeyLine();
}

/// <summary>One key of <c>.env.example</c> with its shown value and the prose comment above it (null when none).</summary>
internal sealed record EnvKey(string Name, string Value, bool CommentedOut, string? Comment, int Line)
{
    public bool IsSecret => Comment?.EndsWith("Secret.", StringComparison.Ordinal) == true;
}

namespace IncidentBot.Tests.Ops;

/// <summary>Walks what <see cref="MiniYaml"/> returns, failing the test with the path when a node is missing or of another shape.</summary>
internal static class Yaml
{
    public static Dictionary<string, object?> Map(object? node, string path = "") =>
        At(node, path) as Dictionary<string, object?> ?? throw new Xunit.Sdk.XunitException($"'{path}' is not a mapping.");

    public static List<object?> Seq(object? node, string path = "") =>
        At(node, path) as List<object?> ?? throw new Xunit.Sdk.XunitException($"'{path}' is not a sequence.");

    public static string Str(object? node, string path = "") =>
        At(node, path) as string ?? throw new Xunit.Sdk.XunitException($"'{path}' is not a scalar.");

    public static bool Has(object? node, string path) => TryAt(node, path, out _);

    /// <summary>A dotted path of mapping keys; a key holding dots (an annotation) is written in brackets: <c>metadata.annotations.[prometheus.io/port]</c>.</summary>
    public static object? At(object? node, string path) =>
        TryAt(node, path, out var value) ? value : throw new Xunit.Sdk.XunitException($"'{path}' is missing.");

    private static bool TryAt(object? node, string path, out object? value)
    {
        value = node;
        foreach (var key in Keys(path))
        {
            if (value is not Dictionary<string, object?> map || !map.TryGetValue(key, out value))
            {
                value = null;
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> Keys(string path)
    {
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                yield return path[(i + 1)..close];
                i = close + 2;
            }
            else
            {
                var dot = path.IndexOf('.', i);
                var end = dot < 0 ? path.Length : dot;
                yield return path[i..end];
                i = end + 1;
            }
        }
    }
}

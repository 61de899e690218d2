using System.Runtime.CompilerServices;
using System.Text;

namespace IncidentBot.Core.Tests.Postmortems;

/// <summary>
/// Compares output with a checked-in file under <c>Golden/</c> (copied beside the test assembly) and shows a
/// line diff on mismatch. <c>UPDATE_GOLDEN=1 dotnet test …</c> rewrites the source copy instead; review the
/// change with <c>git diff</c> before committing it.
/// </summary>
internal static class GoldenFile
{
    private const int MaxDiffLines = 80;
    private const int MaxLineLength = 160;

    public static void AssertMatches(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(Path.GetDirectoryName(callerFile)!, "Golden", name);
            File.WriteAllText(source, actual, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, "Postmortems", "Golden", name);
        Assert.True(File.Exists(path), $"Golden file {name} is missing; run the tests with UPDATE_GOLDEN=1 to create it.");
        var expected = File.ReadAllText(path);
        if (expected != actual)
        {
            Assert.Fail($"The draft differs from Golden/{name} (- expected, + actual; UPDATE_GOLDEN=1 rewrites it):\n{Diff(expected, actual)}");
        }
    }

    /// <summary>A line diff from the longest common subsequence; the files are a few hundred lines.</summary>
    public static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var sb = new StringBuilder();
        var shown = 0;
        int x = 0, y = 0;
        while ((x < a.Length || y < b.Length) && shown < MaxDiffLines)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] > lcs[x + 1, y]))
            {
                sb.Append("+ ").Append(y + 1).Append(": ").Append(Cut(b[y++])).Append('\n');
                shown++;
            }
            else
            {
                sb.Append("- ").Append(x + 1).Append(": ").Append(Cut(a[x++])).Append('\n');
                shown++;
            }
        }

        return shown == MaxDiffLines ? sb.Append("… (more differences)\n").ToString() : sb.ToString();
    }

    private static string Cut(string line) => line.Length <= MaxLineLength ? line : line[..MaxLineLength] + "…";
}

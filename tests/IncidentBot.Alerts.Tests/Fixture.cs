namespace IncidentBot.Alerts.Tests;

/// <summary>Reads a copied fixture (see Fixtures/PROVENANCE.txt) from the test output folder.</summary>
internal static class Fixture
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static byte[] Bytes(string relative) => File.ReadAllBytes(Path.Combine(Root, relative));

    public static string Text(string relative) => File.ReadAllText(Path.Combine(Root, relative)).Trim();

    public static IEnumerable<string> Files(string folder, string pattern = "*.json") =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), pattern, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f)).Order(StringComparer.Ordinal);
}

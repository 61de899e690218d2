using System.Globalization;

namespace IncidentBot.Storage.Migrations;

/// <summary>
/// A copy of the database taken before a migration, beside it: <c>incidentbot.db.bak-v1-20260418142300</c>
/// (the schema version it holds, then when it was taken, UTC).
/// </summary>
internal sealed record BackupFile(string Path, int Version, DateTime TakenAt)
{
    private const string Marker = ".bak-v";
    private const string StampFormat = "yyyyMMddHHmmss";

    public static string PathFor(string databasePath, int version, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{databasePath}{Marker}{version}-{at.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture)}");

    /// <summary>The backups of <paramref name="databasePath"/>, newest first.</summary>
    public static IReadOnlyList<BackupFile> List(string databasePath)
    {
        var folder = System.IO.Path.GetDirectoryName(databasePath)!;
        var prefix = System.IO.Path.GetFileName(databasePath) + Marker;
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, prefix + "*")
            .Select(path => Parse(path, prefix))
            .OfType<BackupFile>()
            .OrderByDescending(b => b.TakenAt)
            .ThenByDescending(b => b.Version)
            .ToList();
    }

    private static BackupFile? Parse(string path, string prefix)
    {
        var rest = System.IO.Path.GetFileName(path)[prefix.Length..];
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !int.TryParse(rest.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            || !DateTime.TryParseExact(rest[(dash + 1)..], StampFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var takenAt))
        {
            return null;
        }

        return new BackupFile(path, version, takenAt);
    }
}

using System.Globalization;
using System.Reflection;

namespace IncidentBot.Storage.Migrations;

/// <summary>
/// One schema step: <c>Migrations/0001_initial.sql</c> is version 1 for SQLite, <c>Migrations/Postgres/0001_initial.sql</c>
/// the same step for PostgreSQL; each is applied in one transaction.
/// </summary>
internal sealed record Migration(int Version, string Name, string Sql)
{
    private const string ResourcePrefix = "IncidentBot.Storage.Migrations.";

    /// <summary>The SQLite migrations embedded in this assembly, in version order.</summary>
    public static IReadOnlyList<Migration> LoadEmbedded() => LoadEmbedded("");

    /// <summary>The migrations of one engine (<see cref="Database.SqlDialect.MigrationFolder"/>), in version order.</summary>
    public static IReadOnlyList<Migration> LoadEmbedded(string folder)
    {
        var assembly = typeof(Migration).Assembly;
        var prefix = ResourcePrefix + folder;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)
                && !n[prefix.Length..^".sql".Length].Contains('.', StringComparison.Ordinal))
            .Select(n => Load(assembly, n, prefix))
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static Migration Load(Assembly assembly, string resource, string prefix)
    {
        var name = resource[prefix.Length..^".sql".Length];
        var underscore = name.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0 || !int.TryParse(name.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration '{resource}' must be named NNNN_description.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, name, reader.ReadToEnd());
    }
}

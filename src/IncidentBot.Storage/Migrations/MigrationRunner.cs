using System.Data.Common;
using Dapper;
using IncidentBot.Storage.Database;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Storage.Migrations;

/// <summary>
/// Brings the schema to the newest version this build knows, one transaction per migration. An existing
/// database is copied beside itself first (issue 7: no migration without a way back); a database newer than
/// the code is refused, naming the backup to restore.
/// </summary>
internal sealed class MigrationRunner(
    StorageDatabase database,
    IReadOnlyList<Migration> migrations,
    TimeProvider time,
    ILogger<MigrationRunner> logger)
{
    /// <summary>How many pre-migration backups are kept beside the database.</summary>
    public const int BackupsKept = 3;

    private const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)";

    private const string CurrentVersionSql = "SELECT COALESCE(MAX(version), 0) FROM schema_version";

    public int LatestVersion { get; } = migrations.Count == 0 ? 0 : migrations.Max(m => m.Version);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await database.RunAsync(async () =>
        {
            await UseWriteAheadLogAsync(connection, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(CreateVersionTable, cancellationToken: cancellationToken));
            var current = await CurrentVersionAsync(connection, null, cancellationToken);
            var databasePath = DatabaseFile.PathOf(connection);
            if (current > LatestVersion)
            {
                throw new StorageStartupException(DowngradeRefusal(databasePath, current));
            }

            if (current == LatestVersion)
            {
                StorageLog.SchemaCurrent(logger, current);
                return;
            }

            if (current > 0 && databasePath is not null)
            {
                await BackupBeforeMigrationAsync(connection, databasePath, current, cancellationToken);
            }

            foreach (var migration in migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
            {
                await ApplyAsync(connection, migration, cancellationToken);
            }
        });
        database.Written();
    }

    /// <summary>The schema version of the database, 0 when it has none.</summary>
    public static Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition(CurrentVersionSql, transaction: transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// WAL lets the API and the dispatcher read while a unit of work writes, and survives kill -9 without
    /// losing a commit (https://www.sqlite.org/wal.html). The mode is stored in the file, so this is once per database.
    /// </summary>
    private static async Task UseWriteAheadLogAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var mode = await connection.ExecuteScalarAsync<string>(new CommandDefinition("PRAGMA journal_mode", cancellationToken: cancellationToken));
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase) && !string.Equals(mode, "memory", StringComparison.OrdinalIgnoreCase))
        {
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL", cancellationToken: cancellationToken));
        }
    }

    private async Task ApplyAsync(DbConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Another process may have migrated while this one waited for the write lock.
        if (await CurrentVersionAsync(connection, transaction, cancellationToken) >= migration.Version)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
            new { migration.Version, migration.Name, AppliedAt = Instants.ToMs(time.GetUtcNow()) },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        StorageLog.MigrationApplied(logger, migration.Version, migration.Name);
    }

    private async Task BackupBeforeMigrationAsync(DbConnection connection, string databasePath, int version, CancellationToken cancellationToken)
    {
        var path = BackupFile.PathFor(databasePath, version, time.GetUtcNow());

        // A restart within the same second already holds a copy of this very version.
        if (!File.Exists(path))
        {
            await connection.ExecuteAsync(new CommandDefinition("VACUUM INTO @Path", new { Path = path }, cancellationToken: cancellationToken));
        }

        StorageLog.BackupBeforeMigration(logger, version, path);
        foreach (var old in BackupFile.List(databasePath).Skip(BackupsKept))
        {
            File.Delete(old.Path);
            StorageLog.BackupDeleted(logger, BackupsKept, old.Path);
        }
    }

    private string DowngradeRefusal(string? databasePath, int current)
    {
        var where = databasePath ?? "in memory";
        var refusal = $"The database {where} has schema version {current}, but this IncidentBot knows only up to version {LatestVersion}: it was upgraded by a newer release.";
        var restorable = databasePath is null
            ? null
            : BackupFile.List(databasePath).FirstOrDefault(b => b.Version <= LatestVersion);
        return restorable is null
            ? $"{refusal} Run the newer release again; no backup that this release can read was found beside the database."
            : $"{refusal} Run the newer release again, or stop IncidentBot, copy {restorable.Path} over {databasePath}, delete {databasePath}-wal and {databasePath}-shm if present, and start this release.";
    }
}

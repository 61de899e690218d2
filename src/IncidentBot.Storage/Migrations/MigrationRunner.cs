using System.Data.Common;
using Dapper;
using IncidentBot.Storage.Database;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Storage.Migrations;

/// <summary>
/// Brings the schema to the newest version this build knows, one transaction per migration, under the engine's
/// migration lock (several replicas may start at once). Before an existing database is migrated the engine's
/// safety net runs (issue 7: no migration without a way back); a database newer than the code is refused,
/// naming the way back.
/// </summary>
internal sealed class MigrationRunner(
    StorageDatabase database,
    IReadOnlyList<Migration> migrations,
    TimeProvider time,
    ILogger<MigrationRunner> logger)
{
    /// <summary>How many pre-migration backups are kept beside a SQLite database.</summary>
    public const int BackupsKept = 3;

    private const string CurrentVersionSql = "SELECT COALESCE(MAX(version), 0) FROM schema_version";

    private readonly IMigrationSafetyNet _safetyNet = database.Dialect is PostgresDialect
        ? new PgDumpSafetyNet(time, logger)
        : new FileCopySafetyNet(time, logger);

    public int LatestVersion { get; } = migrations.Count == 0 ? 0 : migrations.Max(m => m.Version);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await database.RunAsync(async () =>
        {
            await using var migrationLock = await database.Dialect.LockForMigrationAsync(connection, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(database.Dialect.CreateVersionTable, cancellationToken: cancellationToken));
            var current = await CurrentVersionAsync(connection, null, cancellationToken);
            if (current > LatestVersion)
            {
                throw new StorageStartupException(NewerSchemaRefusal(connection, current));
            }

            if (current == LatestVersion)
            {
                StorageLog.SchemaCurrent(logger, current);
                return;
            }

            if (current > 0)
            {
                await _safetyNet.BeforeMigratingAsync(connection, current, cancellationToken);
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
            database.Dialect.InsertVersion,
            new { migration.Version, migration.Name, AppliedAt = Instants.ToMs(time.GetUtcNow()) },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        StorageLog.MigrationApplied(logger, migration.Version, migration.Name);
    }

    private string NewerSchemaRefusal(DbConnection connection, int current)
    {
        var where = database.Dialect is PostgresDialect
            ? $"PostgreSQL database {connection.Database} on {connection.DataSource}"
            : DatabaseFile.PathOf(connection) ?? "in memory";
        return $"The database {where} has schema version {current}, but this IncidentBot knows only up to version {LatestVersion}: it was upgraded by a newer release. "
            + _safetyNet.NewerSchemaAdvice(connection, current, LatestVersion);
    }
}

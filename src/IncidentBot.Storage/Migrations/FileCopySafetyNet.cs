using System.Data.Common;
using Dapper;
using IncidentBot.Storage.Database;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Storage.Migrations;

/// <summary>SQLite: an existing database file is copied beside itself before it is migrated; the last few copies are kept.</summary>
internal sealed class FileCopySafetyNet(TimeProvider time, ILogger logger) : IMigrationSafetyNet
{
    public async Task BeforeMigratingAsync(DbConnection connection, int current, CancellationToken cancellationToken)
    {
        if (DatabaseFile.PathOf(connection) is not { } databasePath)
        {
            return;
        }

        var path = BackupFile.PathFor(databasePath, current, time.GetUtcNow());

        // A restart within the same second already holds a copy of this very version.
        if (!File.Exists(path))
        {
            await connection.ExecuteAsync(new CommandDefinition("VACUUM INTO @Path", new { Path = path }, cancellationToken: cancellationToken));
        }

        StorageLog.BackupBeforeMigration(logger, current, path);
        foreach (var old in BackupFile.List(databasePath).Skip(MigrationRunner.BackupsKept))
        {
            File.Delete(old.Path);
            StorageLog.BackupDeleted(logger, MigrationRunner.BackupsKept, old.Path);
        }
    }

    public string NewerSchemaAdvice(DbConnection connection, int current, int latest)
    {
        var databasePath = DatabaseFile.PathOf(connection);
        var restorable = databasePath is null
            ? null
            : BackupFile.List(databasePath).FirstOrDefault(b => b.Version <= latest);
        return restorable is null
            ? "Run the newer release again; no backup that this release can read was found beside the database."
            : $"Run the newer release again, or stop IncidentBot, copy {restorable.Path} over {databasePath}, delete {databasePath}-wal and {databasePath}-shm if present, and start this release.";
    }
}

using System.Data.Common;
using Dapper;
using IncidentBot.Storage.Database;
using IncidentBot.Storage.Migrations;
using IncidentBot.Storage.Outbox;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Storage;

/// <summary>
/// The operator's side of the database (issue 7): migrations with a backup first, online backups, and
/// pruning of rows that only matter for a while. Incidents, timelines and audit rows are never pruned.
/// </summary>
public sealed class StorageMaintenance
{
    private readonly StorageDatabase _database;
    private readonly MigrationRunner _migrations;
    private readonly ILogger<StorageMaintenance> _logger;

    internal StorageMaintenance(StorageDatabase database, MigrationRunner migrations, ILogger<StorageMaintenance> logger)
    {
        _database = database;
        _migrations = migrations;
        _logger = logger;
    }

    /// <summary>Delivered and failed outbox rows are kept this long, for looking into what the bot said.</summary>
    public static TimeSpan DefaultOutboxRetention { get; } = TimeSpan.FromDays(7);

    /// <summary>Platforms re-deliver within minutes (Slack retries, Discord resumes); a day is ample.</summary>
    public static TimeSpan DefaultInboundKeyRetention { get; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Applies pending migrations, backing up an existing database beside itself first. Throws
    /// <see cref="StorageStartupException"/> for a database newer than this build.
    /// </summary>
    public Task MigrateAsync(CancellationToken cancellationToken) => _migrations.RunAsync(cancellationToken);

    /// <summary>
    /// Writes a consistent copy of the database to <paramref name="path"/> while the bot keeps running
    /// (<c>VACUUM INTO</c> reads one snapshot, https://www.sqlite.org/lang_vacuum.html#vacuuminto).
    /// Throws <see cref="IOException"/>, naming the path, when the copy cannot be written or the path exists.
    /// </summary>
    public async Task BackupAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var target = Path.GetFullPath(path);
        if (File.Exists(target) || Directory.Exists(target))
        {
            throw new IOException($"{target} already exists; choose a new backup path.");
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using var connection = await _database.OpenAsync(cancellationToken);

            // Not through the "disk full" mapping: a full backup volume says nothing about the database's own.
            await connection.ExecuteAsync(new CommandDefinition("VACUUM INTO @Path", new { Path = target }, cancellationToken: cancellationToken));
        }
        catch (Exception e) when (e is DbException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot write the backup to {target}: {e.Message}", e);
        }

        StorageLog.BackupWritten(_logger, target);
    }

    /// <summary>
    /// Deletes delivered and failed outbox rows finished before <paramref name="now"/> minus
    /// <paramref name="outboxRetention"/>, and inbound keys recorded before now minus <paramref name="inboundKeyRetention"/>.
    /// Pending messages are never pruned.
    /// </summary>
    public async Task<PruneResult> PruneAsync(
        DateTimeOffset now, TimeSpan outboxRetention, TimeSpan inboundKeyRetention, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outboxRetention, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(inboundKeyRetention, TimeSpan.Zero);
        await using var connection = await _database.OpenAsync(cancellationToken);
        var result = await _database.WriteAsync(async () =>
        {
            var outbox = await connection.ExecuteAsync(new CommandDefinition(
                OutboxSql.Prune, new { Cutoff = Instants.ToMs(now - outboxRetention) }, cancellationToken: cancellationToken));
            var keys = await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM inbound_keys WHERE received_at < @Cutoff", new { Cutoff = Instants.ToMs(now - inboundKeyRetention) }, cancellationToken: cancellationToken));
            return new PruneResult(outbox, keys);
        });
        StorageLog.Pruned(_logger, result.OutboxRows, result.InboundKeys);
        return result;
    }
}

using IncidentBot.Storage.Database;
using Microsoft.Extensions.Hosting;

namespace IncidentBot.Storage;

/// <summary>
/// Migrates the database while the host is starting, before any hosted service's StartAsync: the dispatcher
/// and the reminder loop must never see an old schema, and a failure stops start-up. When the host has
/// stopped, it closes the pooled connections so SQLite checkpoints the WAL into the database file and
/// removes it (https://www.sqlite.org/wal.html#the_wal_file): a stopped bot leaves one self-contained file.
/// </summary>
internal sealed class StorageLifecycleService(StorageMaintenance maintenance, StorageDatabase database) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => maintenance.MigrateAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        database.ReleaseConnections();
        return Task.CompletedTask;
    }
}

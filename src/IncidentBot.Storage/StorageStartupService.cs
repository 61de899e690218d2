using Microsoft.Extensions.Hosting;

namespace IncidentBot.Storage;

/// <summary>
/// Migrates the database while the host is starting, before any hosted service's StartAsync: the
/// dispatcher and the reminder loop must never see an old schema. A failure stops start-up.
/// </summary>
internal sealed class StorageStartupService(StorageMaintenance maintenance) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => maintenance.MigrateAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using IncidentBot.Core.Persistence;
using Microsoft.Extensions.Hosting;

namespace IncidentBot.Storage.Tests.Setup;

/// <summary>Stands for the host's own hosted services: records whether the store was ready when it started.</summary>
internal sealed class ReadinessAtStartService(IStorageHealth store) : IHostedService
{
    public bool? ReadyAtStart { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken) => ReadyAtStart = await store.IsReadyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

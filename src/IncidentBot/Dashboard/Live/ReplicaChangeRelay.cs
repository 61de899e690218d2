using System.Collections.Concurrent;
using System.Threading.Channels;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;
using IncidentBot.Hosting;

namespace IncidentBot.Dashboard.Live;

/// <summary>
/// Passes this replica's committed changes to the other replicas on the same database, and theirs to this replica's
/// open pages (<see cref="IncidentChanges"/>), so a page is live whichever replica handled the change (DESIGN.md §8,
/// §10). Sending is off the request path and coalesced: one sender, and an incident waiting to be announced is not
/// queued again, so a burst of inputs costs a notice or two, not one database round trip each. A notice that fails
/// costs a live update, and is logged.
/// </summary>
internal sealed partial class ReplicaChangeRelay(IChangeNotices notices, IncidentChanges changes, ILogger<ReplicaChangeRelay> logger)
    : BackgroundService, IIncidentChangeObserver
{
    private readonly Channel<IncidentId> _queue = Channel.CreateUnbounded<IncidentId>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<IncidentId, byte> _waiting = new();

    public void Changed(IncidentId id)
    {
        if (_waiting.TryAdd(id, 0))
        {
            _queue.Writer.TryWrite(id);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(notices.ListenAsync(changes.Publish, stoppingToken), SendAsync(stoppingToken));

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            // Taken off before sending: a change committed while the notice is out is announced again.
            _waiting.TryRemove(id, out _);
            try
            {
                await notices.PublishAsync(id, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogNotSent(logger, e, id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other replicas that {IncidentId} changed; their open pages show it on the next load")]
    private static partial void LogNotSent(ILogger logger, Exception exception, IncidentId incidentId);
}

using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;
using IncidentBot.Hosting;

namespace IncidentBot.Dashboard.Live;

/// <summary>
/// Passes this replica's committed changes to the other replicas on the same database, and theirs to this replica's
/// open pages (<see cref="IncidentChanges"/>), so a page is live whichever replica handled the change (DESIGN.md §8,
/// §10). Sending is off the request path: a notice that fails costs a live update, and is logged.
/// </summary>
internal sealed partial class ReplicaChangeRelay(IChangeNotices notices, IncidentChanges changes, ILogger<ReplicaChangeRelay> logger)
    : BackgroundService, IIncidentChangeObserver
{
    public void Changed(IncidentId id) => _ = SendAsync(id);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => notices.ListenAsync(changes.Publish, stoppingToken);

    private async Task SendAsync(IncidentId id)
    {
        try
        {
            await notices.PublishAsync(id, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogNotSent(logger, e, id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other replicas that {IncidentId} changed; their open pages show it on the next load")]
    private static partial void LogNotSent(ILogger logger, Exception exception, IncidentId incidentId);
}

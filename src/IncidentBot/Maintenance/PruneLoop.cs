using IncidentBot.Storage;

namespace IncidentBot.Maintenance;

/// <summary>
/// Keeps the database from growing without bound (issue 7): hourly, delivered outbox rows older than 7 days and
/// de-duplication keys older than 24 hours go. Incidents, timelines and audit rows are kept.
/// </summary>
internal sealed partial class PruneLoop(StorageMaintenance maintenance, TimeProvider time, ILogger<PruneLoop> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first prune comes an interval after start-up: nothing is due that early, and start-up is busy enough.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Every, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await maintenance.PruneAsync(
                    time.GetUtcNow(), StorageMaintenance.DefaultOutboxRetention, StorageMaintenance.DefaultInboundKeyRetention, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Pruning is housekeeping: a failure (a full disk) must not stop the bot; the next hour tries again.
                LogPruneFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning old outbox rows and inbound keys failed; retrying in an hour")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}

using IncidentBot.Storage.Database;
using IncidentBot.Storage.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Storage.Outbox;

/// <summary>
/// Renews this process's outbox claims on a shared database every third of the claim lease, so a claim expires only
/// when its holder is gone (killed, partitioned from the database) and a survivor then takes the lane over, in order.
/// On SQLite claims need no lease, and this does nothing.
/// </summary>
internal sealed class OutboxLeaseRenewer(SqlOutboxStore store, StorageDatabase database, TimeProvider time, ILogger<OutboxLeaseRenewer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Dialect.ClaimLease is not { } lease)
        {
            return;
        }

        using var timer = new PeriodicTimer(lease / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await store.RenewLeasesAsync(time.GetUtcNow(), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database is away: the leases run out, which is right, since no outcome could be recorded either.
                    StorageLog.LeaseRenewalFailed(logger, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the claims end with their outcomes, or expire.
        }
    }
}

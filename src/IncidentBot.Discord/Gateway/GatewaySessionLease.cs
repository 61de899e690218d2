using System.Globalization;
using IncidentBot.Core.Leases;
using IncidentBot.Discord.Configuration;
using IncidentBot.Discord.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Discord.Gateway;

/// <summary>
/// One replica holds the gateway session of the bot (one shard), through a lease (DESIGN.md §8): the others stand by
/// and poll for it. The holder renews it every few seconds with what a successor needs to resume the session
/// (session id, resume URL, last sequence); when the holder dies the lease runs out and a standby resumes within
/// <see cref="Duration"/> plus one poll, replaying what was missed (inbound de-duplication drops what it had seen).
/// </summary>
internal sealed class GatewaySessionLease(ILeaseStore leases, IOptions<DiscordOptions> options, TimeProvider time, ILogger<GatewaySessionLease> logger)
{
    /// <summary>How long a silent holder keeps the session from the others.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan StandbyPoll = TimeSpan.FromSeconds(2);

    private readonly string _owner = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");

    private string Name => $"discord-gateway/{options.Value.ApplicationId ?? "bot"}/shard-0";

    /// <summary>Waits until this replica holds the session; returns what the last holder left to resume from.</summary>
    public async Task<GatewayResumeState?> AcquireAsync(CancellationToken cancellationToken)
    {
        var announced = false;
        while (true)
        {
            try
            {
                if (await leases.TryAcquireAsync(Name, _owner, time.GetUtcNow(), Duration, cancellationToken) is { } grant)
                {
                    var resume = GatewayResumeState.Parse(grant.State);
                    GatewayLeaseLog.Acquired(logger, Name, resume is null ? "identify" : "resume");
                    return resume;
                }

                if (!announced)
                {
                    GatewayLeaseLog.StandingBy(logger, Name);
                    announced = true;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                GatewayLeaseLog.StorageFailed(logger, Name, e.Message);
            }

            await Task.Delay(StandbyPoll, time, cancellationToken);
        }
    }

    /// <summary>
    /// Renews the lease until <paramref name="cancellationToken"/> ends, storing <paramref name="current"/>; cancels
    /// <paramref name="lost"/> when the lease is gone, or cannot be renewed for so long that another replica may hold it.
    /// </summary>
    public async Task HoldAsync(Func<GatewayResumeState?> current, CancellationTokenSource lost, CancellationToken cancellationToken)
    {
        var renewed = time.GetUtcNow();
        try
        {
            while (true)
            {
                await Task.Delay(RenewEvery, time, cancellationToken);
                var now = time.GetUtcNow();
                try
                {
                    if (await leases.RenewAsync(Name, _owner, now, Duration, GatewayResumeState.Format(current()), cancellationToken))
                    {
                        renewed = now;
                        continue;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    GatewayLeaseLog.StorageFailed(logger, Name, e.Message);
                    if (now - renewed < Duration - RenewEvery)
                    {
                        continue;
                    }
                }

                GatewayLeaseLog.Lost(logger, Name);
                await lost.CancelAsync();
                return;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The connection ended on its own; the loop takes the lease again before the next one.
        }
    }

    /// <summary>Gives the session up on shutdown, so a standby identifies at once instead of waiting the lease out.</summary>
    public async Task ReleaseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await leases.ReleaseAsync(Name, _owner, GatewayResumeState.Format(null), timeout.Token);
        }
        catch (Exception e)
        {
            GatewayLeaseLog.StorageFailed(logger, Name, e.Message);
        }
    }
}

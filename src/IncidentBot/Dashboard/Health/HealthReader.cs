using IncidentBot.Core.Persistence;
using IncidentBot.Dashboard.Live;
using IncidentBot.Hosting;

namespace IncidentBot.Dashboard.Health;

/// <summary>Gathers the health page: the store's backlog and clocks, and the adapters' activity.</summary>
internal sealed class HealthReader(IIncidentStore store, IStorageHealth storage, PlatformActivity activity, IncidentChanges changes, IConfiguration configuration, TimeProvider time)
{
    public async Task<HealthView> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return new HealthView(
            now,
            StartupReport.Version(),
            await storage.IsReadyAsync(cancellationToken),
            [Platform("Slack", SlackMode()), Platform("Discord", DiscordMode())],
            await storage.CountPendingOutboxAsync(cancellationToken),
            await storage.GetOldestPendingOutboxAsync(cancellationToken),
            await store.GetEarliestReminderAsync(cancellationToken),
            changes.Watchers);
    }

    private PlatformHealth Platform(string name, string? mode)
    {
        var state = activity.Of(name);
        return new PlatformHealth(
            name,
            mode ?? "off",
            mode is not null,
            state.LastInboundAt,
            state.LastCallAt,
            state.LastCallStatus,
            state.LastFailureAt,
            Interlocked.Read(ref state.Reconnects));
    }

    private string? SlackMode() =>
        !Has("Slack:BotToken") ? null : Has("Slack:AppToken") ? "Socket Mode" : Has("Slack:SigningSecret") ? "HTTP (Events API)" : "outbound only";

    private string? DiscordMode() =>
        !Has("Discord:BotToken") ? null : Has("Discord:PublicKey") ? "gateway + HTTP interactions" : "gateway";

    private bool Has(string key) => !string.IsNullOrWhiteSpace(configuration[key]);
}

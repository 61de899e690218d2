using IncidentBot.Core.Persistence;

namespace IncidentBot.Metrics;

/// <summary>
/// Asks the store for open incidents and the outbox backlog every <see cref="Interval"/> and hands the answer to
/// <see cref="HostMetrics"/>. Scrapes read that snapshot, so a busy Prometheus never adds load on the database.
/// </summary>
internal sealed partial class HostMetricsRefresher : BackgroundService
{
    /// <summary>Prometheus' usual scrape interval: the gauges are at most one scrape behind.</summary>
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly IIncidentReader _reader;
    private readonly IStorageHealth _store;
    private readonly HostMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<HostMetricsRefresher> _logger;

    // Made here, not in ExecuteAsync: in .NET 10 ExecuteAsync starts on a background thread, and a timer armed
    // there could miss a FakeTimeProvider advance made right after start-up (dotnet-style.md, hosted services).
    private readonly PeriodicTimer _timer;
    private bool _failing;

    public HostMetricsRefresher(IIncidentReader reader, IStorageHealth store, HostMetrics metrics, TimeProvider time, ILogger<HostMetricsRefresher> logger)
    {
        _reader = reader;
        _store = store;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _timer = new PeriodicTimer(Interval, time);
    }

    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
    }

    /// <summary>One refresh; a failure keeps the previous snapshot (the gauges go stale, they do not lie about zero).</summary>
    internal async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var open = await _reader.ListAsync(openOnly: true, cancellationToken);
            var pending = await _store.CountPendingOutboxAsync(cancellationToken);
            var oldest = pending > 0 ? await _store.GetOldestPendingOutboxAsync(cancellationToken) : null;
            var counts = open
                .Where(i => i.IsOpen)
                .GroupBy(i => (i.Severity, i.Status))
                .ToDictionary(g => g.Key, g => g.Count());
            _metrics.Update(new HostMetricsSnapshot(counts, pending, oldest, _time.GetUtcNow()));
            if (_failing)
            {
                _failing = false;
                LogRefreshRecovered(_logger);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Metrics must never take the bot down; readiness (/readyz) is where a broken store is reported.
            if (!_failing)
            {
                _failing = true;
                LogRefreshFailed(_logger, exception);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            do
            {
                await RefreshAsync(stoppingToken);
            }
            while (await _timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the incident and outbox gauges of /metrics; they keep their last values until the store answers again")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The incident and outbox gauges of /metrics are fresh again")]
    private static partial void LogRefreshRecovered(ILogger logger);
}

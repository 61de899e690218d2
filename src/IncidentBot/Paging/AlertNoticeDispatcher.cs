using System.Globalization;
using IncidentBot.Core.Alerts;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Hosting;
using IncidentBot.Outbox;

namespace IncidentBot.Paging;

/// <summary>
/// Posts the "declare?" notices of alert groups below the declare threshold. A notice belongs to no incident, so it
/// is delivered from its group row rather than the incident outbox, with the outbox's rules: the attempt is recorded
/// before the call (a retry looks for the earlier post by its delivery key), backoff with a cap, <c>Retry-After</c>
/// honoured, a refusal kept as failed.
/// </summary>
internal sealed partial class AlertNoticeDispatcher(
    IAlertStore store,
    IEnumerable<IAlertNoticePlatform> platforms,
    TimeProvider time,
    WorkSignals signals,
    OutboxTuning tuning,
    ILogger<AlertNoticeDispatcher> logger) : BackgroundService
{
    private const int Batch = 20;

    private readonly Dictionary<Platform, IAlertNoticePlatform> _platforms = platforms.ToDictionary(p => p.Platform);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = time.GetUtcNow();
                var due = await store.GetDueNoticesAsync(now, Batch, stoppingToken);
                foreach (var notice in due)
                {
                    await PostAsync(notice, stoppingToken);
                }

                if (due.Count > 0)
                {
                    continue;
                }

                var next = await store.GetNextNoticeAttemptAsync(stoppingToken);
                await signals.Notices.WaitAsync(next is { } n && n > now ? n : now + tuning.MaxRetry, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogLoopFailed(logger, e);
                await signals.Notices.WaitAsync(time.GetUtcNow() + tuning.FirstRetry, stoppingToken);
            }
        }
    }

    private async Task PostAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        var group = notice.Group;
        var now = time.GetUtcNow();
        if (!_platforms.TryGetValue(group.Workspace.Platform, out var platform))
        {
            await store.RecordNoticeAttemptAsync(group.Id, now + tuning.MaxRetry, $"{group.Workspace.Platform} is not configured", cancellationToken);
            return;
        }

        await store.RecordNoticeAttemptAsync(group.Id, now + Backoff(notice.Attempts), null, cancellationToken);
        var delivery = new Delivery(string.Create(CultureInfo.InvariantCulture, $"ALERT-{group.Id}"), notice.Attempts + 1, group.CreatedAt);
        try
        {
            var messageId = await platform.PostNoticeAsync(group.Workspace, group.ChannelId, group.Id, AlertService.NoticeContent(group), delivery, cancellationToken);
            await store.MarkNoticePostedAsync(group.Id, messageId, cancellationToken);
        }
        catch (PlatformUnavailableException e)
        {
            var wait = e.RetryAfter ?? Backoff(notice.Attempts);
            await store.RecordNoticeAttemptAsync(group.Id, time.GetUtcNow() + wait, e.Message, cancellationToken);
            LogRetry(logger, group.Id, wait, e.Message);
        }
        catch (PlatformRejectedException e)
        {
            await store.MarkNoticeFailedAsync(group.Id, e.Message, cancellationToken);
            LogRejected(logger, group.Id, e.Message);
        }
    }

    private TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(tuning.FirstRetry.TotalSeconds * Math.Pow(2, Math.Min(attempts, 16)), tuning.MaxRetry.TotalSeconds));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The declare? notice of alert group {GroupId} will be retried in {Wait}: {Reason}")]
    private static partial void LogRetry(ILogger logger, long groupId, TimeSpan wait, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The declare? notice of alert group {GroupId} was refused by the platform: {Reason}")]
    private static partial void LogRejected(ILogger logger, long groupId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The alert notice loop failed; it will try again")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}

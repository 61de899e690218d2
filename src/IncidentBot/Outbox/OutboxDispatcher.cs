using System.Collections.Concurrent;
using System.Globalization;
using IncidentBot.Core.Alerts;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;
using IncidentBot.Core.Policies;
using IncidentBot.Core.StatusDocs;
using IncidentBot.Hosting;
using IncidentBot.Postmortems;

namespace IncidentBot.Outbox;

/// <summary>
/// Delivers queued intents through the platform adapters (DESIGN.md §3 step 4): in order per incident, incidents
/// in parallel, status-doc edits coalesced and throttled. A platform outage leaves the message queued with
/// backoff — never dropped; only a permanent refusal marks it failed. It sleeps until the next retry is due or a
/// committed change wakes it.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IIncidentStore store,
    IEnumerable<IChatPlatform> platforms,
    IEnumerable<IIncidentSync> syncs,
    IncidentPolicy policy,
    TimeProvider time,
    WorkSignals signals,
    OutboxTuning tuning,
    PostmortemExporter exporter,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int Parallelism = 4;

    private readonly Dictionary<Platform, IChatPlatform> _platforms = platforms.ToDictionary(p => p.Platform);
    private readonly ConcurrentDictionary<IncidentId, DateTimeOffset> _lastEdit = new();
    private readonly ConcurrentDictionary<Platform, bool> _warnedMissing = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // One instant for the batch and the decision below: if the clock moves in between, a message that
                // came due after the batch looked must not pass for "due but not deliverable".
                var now = time.GetUtcNow();
                if (await DeliverBatchAsync(now, stoppingToken) > 0)
                {
                    continue;
                }

                var next = await store.GetNextOutboxAttemptAsync(stoppingToken);

                // A message that was due when the batch looked but was not deliverable waits for an earlier one (its
                // thread id); that earlier one's delivery or retry wakes us, so poll such a state only gently.
                await signals.Outbox.WaitAsync(next is { } n && n > now ? n : now + tuning.FirstRetry, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The loop must survive a database hiccup (disk full, locked); what is queued stays queued.
                LogLoopFailed(logger, e);
                await signals.Outbox.WaitAsync(time.GetUtcNow() + tuning.FirstRetry, stoppingToken);
            }
        }
    }

    /// <summary>Delivers what is deliverable now; returns how many messages were attempted.</summary>
    private async Task<int> DeliverBatchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var batch = await store.GetDeliverableAsync(now, tuning.Batch, cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var attempted = 0;
        await Parallel.ForEachAsync(
            batch.GroupBy(m => m.IncidentId),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (group, ct) =>
            {
                foreach (var message in group.OrderBy(m => m.Id))
                {
                    if (await DeliverAsync(message, ct))
                    {
                        Interlocked.Increment(ref attempted);
                    }
                    else if (message.Intent is not EditRootMessage)
                    {
                        // Later messages keep their order behind a deferred one.
                        break;
                    }

                    // A throttled status-doc edit holds nothing back: it renders the state current when it goes, so a
                    // reminder or a 📌 confirmation queued after it is not kept waiting for the edit interval.
                }
            });
        return attempted;
    }

    /// <summary>Returns false when the message was only deferred (nothing was attempted).</summary>
    private async Task<bool> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (await store.FindAsync(message.IncidentId, cancellationToken) is not { } incident)
        {
            await store.MarkFailedAsync(message.Id, now, "incident not found", cancellationToken);
            return true;
        }

        // An outside system kept in step (PagerDuty) takes its own intents; the chat platform the rest.
        var sync = syncs.FirstOrDefault(x => x.Accepts(message.Intent));
        IChatPlatform? platform = null;
        if (sync is null && !_platforms.TryGetValue(incident.Workspace.Platform, out platform))
        {
            if (_warnedMissing.TryAdd(incident.Workspace.Platform, true))
            {
                LogPlatformMissing(logger, incident.Workspace.Platform, incident.Id);
            }

            await store.DeferAsync(message.Id, now + tuning.MaxRetry, cancellationToken);
            return false;
        }

        if (message.Intent is EditRootMessage && _lastEdit.TryGetValue(incident.Id, out var last) && now - last < tuning.EditInterval)
        {
            await store.DeferAsync(message.Id, last + tuning.EditInterval, cancellationToken);
            return false;
        }

        try
        {
            if (sync is not null)
            {
                await sync.SendAsync(incident, message.Intent, DeliveryOf(incident, message), cancellationToken);
            }
            else
            {
                await SendAsync(platform!, incident, message, now, cancellationToken);
            }

            if (message.Intent is not EditRootMessage)
            {
                await store.MarkDeliveredAsync(message.Id, time.GetUtcNow(), cancellationToken);
            }

            LogDelivered(logger, message.Id, message.Intent.GetType(), incident.Id);
        }
        catch (PlatformUnavailableException e)
        {
            var wait = e.RetryAfter ?? Backoff(message.Attempts);
            await store.RescheduleAsync(message.Id, time.GetUtcNow() + wait, e.Message, cancellationToken);
            LogRetry(logger, message.Id, incident.Id, wait, e.Message);
        }
        catch (PlatformRejectedException e)
        {
            await store.MarkFailedAsync(message.Id, time.GetUtcNow(), e.Message, cancellationToken);
            LogRejected(logger, message.Id, message.Intent.GetType(), incident.Id, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException and not StorageFullException)
        {
            var wait = Backoff(message.Attempts);
            await store.RescheduleAsync(message.Id, time.GetUtcNow() + wait, e.GetType().Name + ": " + e.Message, cancellationToken);
            LogUnexpected(logger, e, message.Id, incident.Id);
        }

        return true;
    }

    private async Task SendAsync(IChatPlatform platform, Incident incident, OutboxMessage message, DateTimeOffset now, CancellationToken ct)
    {
        var delivery = DeliveryOf(incident, message);
        switch (message.Intent)
        {
            case PostRootMessage:
                var root = await platform.PostRootAsync(incident, await DocAsync(incident, ct), delivery, ct);
                await store.SetRootMessageAsync(incident.Id, root.MessageId, ct);
                break;
            case OpenThread:
                var thread = await platform.OpenThreadAsync(incident, ct);
                await store.SetThreadAsync(incident.Id, thread, ct);
                break;
            case EditRootMessage:
                await platform.EditRootAsync(incident, await DocAsync(incident, ct), ct);
                _lastEdit[incident.Id] = now;
                await store.MarkEditsDeliveredAsync(incident.Id, message.Id, time.GetUtcNow(), ct);
                break;
            case PostThreadMessage post:
                await platform.PostInThreadAsync(incident, post.Content, delivery, ct);
                break;
            case UploadFile upload:
                // The directory copy first, so a platform outage does not hold it back; a repeat is a no-op.
                await exporter.ExportAsync(incident.Id, upload.FileName, upload.Content, ct);
                await platform.UploadFileAsync(incident, upload, delivery, ct);
                break;
            case AddReaction reaction:
                await platform.AddReactionAsync(incident, reaction.MessageId, reaction.Emoji, ct);
                break;
            case ReplyToRequester reply:
                if (now - message.CreatedAt > tuning.ReplyHandleLifetime)
                {
                    throw new PlatformRejectedException("the reply handle expired before the message could be sent");
                }

                await platform.ReplyAsync(incident, reply.ReplyHandle, reply.Content, ct);
                break;
            default:
                throw new PlatformRejectedException($"unknown intent {message.Intent.GetType().Name}");
        }
    }

    private static Delivery DeliveryOf(Incident incident, OutboxMessage message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{incident.Id}.{message.Id}"), message.Attempts + 1, message.CreatedAt);

    private async Task<StatusDoc> DocAsync(Incident incident, CancellationToken ct) =>
        StatusDocBuilder.Build(incident, await store.GetTimelineAsync(incident.Id, ct), policy);

    private TimeSpan Backoff(int attempts)
    {
        var seconds = tuning.FirstRetry.TotalSeconds * Math.Pow(2, Math.Min(attempts, 16));
        return TimeSpan.FromSeconds(Math.Min(seconds, tuning.MaxRetry.TotalSeconds));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivered outbox message {MessageId} ({Intent}) for {IncidentId}")]
    private static partial void LogDelivered(ILogger logger, long messageId, Type intent, IncidentId incidentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} for {IncidentId} will be retried in {Wait}: {Reason}")]
    private static partial void LogRetry(ILogger logger, long messageId, IncidentId incidentId, TimeSpan wait, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} ({Intent}) for {IncidentId} was refused by the platform and will not be retried: {Reason}")]
    private static partial void LogRejected(ILogger logger, long messageId, Type intent, IncidentId incidentId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} for {IncidentId} failed unexpectedly; it stays queued")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, long messageId, IncidentId incidentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Messages for {Platform} incidents (first: {IncidentId}) stay queued: {Platform} is not configured")]
    private static partial void LogPlatformMissing(ILogger logger, Platform platform, IncidentId incidentId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox loop failed; it will try again")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}

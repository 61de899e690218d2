using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using IncidentBot.Core.Alerts;
using IncidentBot.Core.Diagnostics;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;
using IncidentBot.Core.Policies;
using IncidentBot.Core.StatusDocs;
using IncidentBot.Postmortems;

namespace IncidentBot.Outbox;

/// <summary>
/// Makes the platform call for one claimed message and says what became of it, without writing it down (the
/// dispatcher does, see <see cref="OutboxRecorder"/>). A platform outage is a retry with capped backoff, or after the
/// platform's own <c>Retry-After</c>; only a permanent refusal or an expired reply handle gives a message up.
/// </summary>
internal sealed class OutboxDelivery(
    IIncidentReader reader,
    IEnumerable<IChatPlatform> platforms,
    IEnumerable<IIncidentSync> syncs,
    IncidentPolicy policy,
    TimeProvider time,
    OutboxTuning tuning,
    PostmortemExporter exporter,
    OutboxMetrics metrics,
    ILogger<OutboxDelivery> logger)
{
    private readonly Dictionary<Platform, IChatPlatform> _platforms = platforms.ToDictionary(p => p.Platform);
    private readonly ConcurrentDictionary<IncidentId, DateTimeOffset> _lastEdit = new();
    private readonly ConcurrentDictionary<Platform, bool> _warnedMissing = new();

    public async Task<OutboxOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        // The input that queued the message is the parent, however long ago and on whichever replica it came in: one
        // trace runs from the platform's request through the group commit to this platform call.
        _ = ActivityContext.TryParse(message.TraceParent, null, isRemote: true, out var queuedBy);
        using var activity = Tracing.Source.StartActivity(
            "incidentbot.outbox.deliver", ActivityKind.Internal, queuedBy,
            tags: [new("incidentbot.outbox.id", message.Id), new("incidentbot.outbox.intent", message.Intent.GetType().Name), new("incidentbot.outbox.attempt", message.Attempts)]);
        var outcome = await AttemptAsync(message, cancellationToken);
        if (activity is not null)
        {
            activity.SetTag("incidentbot.outcome", outcome.GetType().Name);
            if (outcome is Failed or Rescheduled)
            {
                activity.SetStatus(ActivityStatusCode.Error);
            }
        }

        return outcome;
    }

    private async Task<OutboxOutcome> AttemptAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (await reader.FindAsync(message.IncidentId, cancellationToken) is not { } incident)
        {
            return new Failed(message.Id, now, "incident not found");
        }

        // An outside system kept in step (PagerDuty) takes its own intents; the chat platform the rest.
        var sync = syncs.FirstOrDefault(x => x.Accepts(message.Intent));
        IChatPlatform? platform = null;
        if (sync is null && !_platforms.TryGetValue(incident.Workspace.Platform, out platform))
        {
            if (_warnedMissing.TryAdd(incident.Workspace.Platform, true))
            {
                OutboxLog.PlatformMissing(logger, incident.Workspace.Platform, incident.Id);
            }

            return new Released(message.Id, now + tuning.MaxRetry);
        }

        if (message.Intent is EditRootMessage && _lastEdit.TryGetValue(incident.Id, out var last) && now - last < tuning.EditInterval)
        {
            return new Released(message.Id, last + tuning.EditInterval);
        }

        if (message.Intent is ReplyToRequester && now - message.CreatedAt > tuning.ReplyHandleLifetime)
        {
            // DESIGN.md §7: a message older than its usefulness is dropped, visibly (a log line and a metric).
            OutboxLog.Expired(logger, message.Id, incident.Id, now - message.CreatedAt, message.LastError);
            metrics.Dropped("expired");
            return new Failed(message.Id, now, "the reply handle expired before the message could be sent");
        }

        try
        {
            var outcome = sync is null
                ? await SendAsync(platform!, incident, message, now, cancellationToken)
                : await SyncAsync(sync, incident, message, cancellationToken);
            OutboxLog.Delivered(logger, message.Id, message.Intent.GetType(), message.Attempts, incident.Id);
            return outcome;
        }
        catch (PlatformUnavailableException e)
        {
            var wait = e.RetryAfter ?? Backoff(message.Attempts);
            metrics.Retry(e.RetryAfter is null ? "unavailable" : "rate_limited");
            OutboxLog.Retry(logger, message.Id, incident.Id, wait, message.Attempts, e.Message);
            return new Rescheduled(message.Id, time.GetUtcNow() + wait, e.Message);
        }
        catch (PlatformRejectedException e)
        {
            metrics.Dropped("rejected");
            OutboxLog.Rejected(logger, message.Id, message.Intent.GetType(), incident.Id, e.Message);
            return new Failed(message.Id, time.GetUtcNow(), e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            metrics.Retry("unexpected");
            OutboxLog.Unexpected(logger, e, message.Id, incident.Id);
            return new Rescheduled(message.Id, time.GetUtcNow() + Backoff(message.Attempts), e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>Doubling from <see cref="OutboxTuning.FirstRetry"/> after the first attempt, capped at <see cref="OutboxTuning.MaxRetry"/>.</summary>
    internal TimeSpan Backoff(int attempts)
    {
        var seconds = tuning.FirstRetry.TotalSeconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 16));
        return TimeSpan.FromSeconds(Math.Min(seconds, tuning.MaxRetry.TotalSeconds));
    }

    private async Task<OutboxOutcome> SendAsync(IChatPlatform platform, Incident incident, OutboxMessage message, DateTimeOffset now, CancellationToken ct)
    {
        // Attempts are counted when claimed, before this call (DESIGN.md §7): a second attempt after a crash mid-call
        // is a retry, and the adapter looks for the first one's message before it posts again.
        var delivery = DeliveryOf(incident, message);
        switch (message.Intent)
        {
            case PostRootMessage:
                var root = await platform.PostRootAsync(incident, await DocAsync(incident, ct), delivery, ct);
                return new RootPosted(message.Id, incident.Id, root.MessageId, time.GetUtcNow());
            case OpenThread:
                var thread = await platform.OpenThreadAsync(incident, ct);
                return new ThreadOpened(message.Id, incident.Id, thread, time.GetUtcNow());
            case EditRootMessage:
                await platform.EditRootAsync(incident, await DocAsync(incident, ct), ct);
                _lastEdit[incident.Id] = now;
                return new EditsDelivered(message.Id, incident.Id, time.GetUtcNow());
            case PostThreadMessage post:
                await platform.PostInThreadAsync(incident, post.Content, delivery, ct);
                break;
            case UploadFile upload:
                // The directory copy first, so a platform outage does not hold it back; a repeat is a no-op.
                await exporter.ExportAsync(incident.Id, upload.FileName, upload.Content, ct);
                await platform.UploadFileAsync(incident, upload, delivery, ct);
                break;
            case AddReaction reaction:
                await platform.AddReactionAsync(incident, reaction.MessageId, reaction.Reaction, ct);
                break;
            case ReplyToRequester reply:
                await platform.ReplyAsync(incident, reply.ReplyHandle, reply.Content, ct);
                break;
            default:
                throw new PlatformRejectedException($"unknown intent {message.Intent.GetType().Name}");
        }

        return new Delivered(message.Id, time.GetUtcNow());
    }

    private async Task<OutboxOutcome> SyncAsync(IIncidentSync sync, Incident incident, OutboxMessage message, CancellationToken ct)
    {
        await sync.SendAsync(incident, message.Intent, DeliveryOf(incident, message), ct);
        return new Delivered(message.Id, time.GetUtcNow());
    }

    private static Delivery DeliveryOf(Incident incident, OutboxMessage message) => new(
        string.Create(CultureInfo.InvariantCulture, $"{incident.Id}.{message.Id}"), Math.Max(1, message.Attempts), message.CreatedAt);

    // The doc shows the last few entries: read only those, so an edit costs the same at 10 or 100,000 entries (issue 11).
    private async Task<StatusDoc> DocAsync(Incident incident, CancellationToken ct) =>
        StatusDocBuilder.Build(incident, await reader.GetTimelineTailAsync(incident.Id, StatusDocBuilder.RecentEntries, withReminders: false, ct), policy);
}

using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;

namespace IncidentBot.Outbox;

/// <summary>
/// What became of one claimed message, as it must be written down. Kept as a value so that, when storage cannot take
/// the write (disk full), the dispatcher holds it and writes it once storage recovers, instead of calling the
/// platform again for a message it already delivered.
/// </summary>
internal abstract record OutboxOutcome(long MessageId)
{
    public abstract Task WriteAsync(IOutboxStore store, CancellationToken cancellationToken);
}

internal sealed record Delivered(long MessageId, DateTimeOffset At) : OutboxOutcome(MessageId)
{
    public override Task WriteAsync(IOutboxStore store, CancellationToken cancellationToken) =>
        store.MarkDeliveredAsync(MessageId, At, cancellationToken);
}

internal sealed record RootPosted(long MessageId, IncidentId Incident, string RootMessageId, DateTimeOffset At) : OutboxOutcome(MessageId)
{
    public override Task WriteAsync(IOutboxStore store, CancellationToken cancellationToken) =>
        store.MarkRootPostedAsync(MessageId, Incident, RootMessageId, At, cancellationToken);
}

internal sealed record ThreadOpened(long MessageId, IncidentId Incident, string ThreadId, DateTimeOffset At) : OutboxOutcome(MessageId)
{
    public override Task WriteAsync(IOutboxStore store, CancellationToken cancellationToken) =>
        store.MarkThreadOpenedAsync(MessageId, Incident, ThreadId, At, cancellationToken);
}

/// <summary>The status doc was rendered and edited: every pending edit up to this one is covered.</summary>
internal sealed record EditsDelivered(long MessageId, IncidentId Incident, DateTimeOffset At) : OutboxOutcome(MessageId)
{
    public override Task WriteAsync(IOutboxStore store, CancellationToken cancellationToken) =>
        store.MarkEditsDeliveredAsync(Incident, MessageId, At, cancellationToken);
}

internal sealed record Rescheduled(long MessageId, DateTimeOffset NextAttemptAt, string Reason) : OutboxOutcome(MessageId)
{
    public override Task WriteAsync(IOutboxStore store, CancellationToken cancellationToken) =>
        store.RescheduleAsync(MessageId, NextAttemptAt, Reason, cancellationToken);
}

/// <summary>No platform call was made (throttled edit, platform not configured): the claim is given back.</summary>
internal sealed record Released(long MessageId, DateTimeOffset NextAttemptAt) : OutboxOutcome(MessageId)
{
    public override Task WriteAsync(IOutboxStore store, CancellationToken cancellationToken) =>
        store.ReleaseAsync(MessageId, NextAttemptAt, cancellationToken);
}

internal sealed record Failed(long MessageId, DateTimeOffset At, string Reason) : OutboxOutcome(MessageId)
{
    public override Task WriteAsync(IOutboxStore store, CancellationToken cancellationToken) =>
        store.MarkFailedAsync(MessageId, At, Reason, cancellationToken);
}

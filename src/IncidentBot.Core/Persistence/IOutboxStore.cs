using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Core.Persistence;

/// <summary>
/// The outbox dispatcher's bookkeeping (DESIGN.md §7). Messages travel in lanes: an incident's thread lane (root,
/// thread, posts, uploads, reactions, in queue order), its status-doc lane (pending edits coalesce into the newest),
/// and one lane per reply to a requester. Only a lane's head can be claimed, and a claimed head holds its lane until
/// its outcome is recorded. Every outcome call below ends the claim.
/// </summary>
public interface IOutboxStore
{
    /// <summary>
    /// Claims the deliverable lane heads (due, not claimed by a live lease, the incident field they wait for set) and
    /// records an attempt on each in the same write, before any platform call: <see cref="OutboxMessage.Attempts"/>
    /// of a returned message counts the attempt about to be made, so more than one means an earlier attempt may have
    /// delivered it. Oldest first.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimAsync(OutboxClaim claim, CancellationToken cancellationToken);

    /// <summary>When the next unclaimed lane head becomes due, if any can become deliverable without another delivery.</summary>
    Task<DateTimeOffset?> GetNextDueAsync(DateTimeOffset now, string owner, CancellationToken cancellationToken);

    Task MarkDeliveredAsync(long messageId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The root message was posted: stores its id on the incident and finishes the message in one write.</summary>
    Task MarkRootPostedAsync(long messageId, IncidentId id, string rootMessageId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The thread was opened: stores its id on the incident and finishes the message in one write.</summary>
    Task MarkThreadOpenedAsync(long messageId, IncidentId id, string threadId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Marks every pending status-doc edit of an incident with id up to <paramref name="upToId"/> delivered.</summary>
    Task MarkEditsDeliveredAsync(IncidentId id, long upToId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The attempt failed and may be repeated at <paramref name="nextAttemptAt"/>; the reason is kept.</summary>
    Task RescheduleAsync(long messageId, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken);

    /// <summary>Gives a claim back without a platform call (a throttled edit, a platform not configured): the attempt the claim recorded is taken back.</summary>
    Task ReleaseAsync(long messageId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>A message the platform refused for good, or that outlived its use: kept, marked failed, no longer delivered.</summary>
    Task MarkFailedAsync(long messageId, DateTimeOffset at, string reason, CancellationToken cancellationToken);
}

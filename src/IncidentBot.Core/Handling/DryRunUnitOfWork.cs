using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;

namespace IncidentBot.Core.Handling;

/// <summary>
/// A decision rehearsed on committed state, off the write path: reads go to the reader, writes are only counted.
/// What comes out refused, ignored or without a single write is the answer, and never queues for the writer; what
/// would write is decided again, for real, by the group commit on the state the records before it left.
/// </summary>
internal sealed class DryRunUnitOfWork(IIncidentLookups reader) : IIncidentUnitOfWork
{
    /// <summary>Stands in for the number the writer will take from the sequence; never shown, never stored.</summary>
    private static readonly IncidentId Placeholder = new(long.MaxValue);

    /// <summary>Whether the decision wrote anything: an accepted read (list, timeline) does not.</summary>
    public bool Wrote { get; private set; }

    public Task<bool> IsInboundRecordedAsync(WorkspaceId workspace, string key, CancellationToken cancellationToken) =>
        reader.IsInboundRecordedAsync(workspace, key, cancellationToken);

    public Task<Incident?> GetAsync(WorkspaceId workspace, IncidentId id, CancellationToken cancellationToken) =>
        reader.GetAsync(workspace, id, cancellationToken);

    public Task<Incident?> GetForReminderAsync(IncidentId id, CancellationToken cancellationToken) =>
        reader.GetForReminderAsync(id, cancellationToken);

    public Task<Incident?> FindByThreadAsync(WorkspaceId workspace, string threadId, CancellationToken cancellationToken) =>
        reader.FindByThreadAsync(workspace, threadId, cancellationToken);

    public Task<Incident?> FindByRootMessageAsync(WorkspaceId workspace, string rootMessageId, CancellationToken cancellationToken) =>
        reader.FindByRootMessageAsync(workspace, rootMessageId, cancellationToken);

    public Task<IReadOnlyList<Incident>> ListOpenAsync(WorkspaceId workspace, string? channelId, CancellationToken cancellationToken) =>
        reader.ListOpenAsync(workspace, channelId, cancellationToken);

    public Task<TimelineEntry?> FindTimelineBySourceAsync(WorkspaceId workspace, string sourceMessageId, CancellationToken cancellationToken) =>
        reader.FindTimelineBySourceAsync(workspace, sourceMessageId, cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(IncidentId id, CancellationToken cancellationToken) =>
        reader.GetTimelineAsync(id, cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineTailAsync(IncidentId id, int count, bool withReminders, CancellationToken cancellationToken) =>
        reader.GetTimelineTailAsync(id, count, withReminders, cancellationToken);

    public Task<int> CountTimelineAsync(IncidentId id, CancellationToken cancellationToken) =>
        reader.CountTimelineAsync(id, cancellationToken);

    public Task<IReadOnlyList<ActionItem>> GetActionItemsAsync(IncidentId id, CancellationToken cancellationToken) =>
        reader.GetActionItemsAsync(id, cancellationToken);

    public Task<bool> TryRecordInboundAsync(WorkspaceId workspace, string key, DateTimeOffset at, CancellationToken cancellationToken) =>
        Write(true);

    public Task<IncidentId> NextIncidentIdAsync(CancellationToken cancellationToken) => Write(Placeholder);

    public Task SaveAsync(Incident incident, CancellationToken cancellationToken) => Write(true);

    public Task<long> AddTimelineAsync(TimelineEntry entry, CancellationToken cancellationToken) => Write(0L);

    public Task UpdateTimelineAsync(TimelineEntry entry, CancellationToken cancellationToken) => Write(true);

    public Task<long> AddActionItemAsync(ActionItem item, CancellationToken cancellationToken) => Write(0L);

    public Task AddAuditAsync(AuditEntry entry, CancellationToken cancellationToken) => Write(true);

    public Task EnqueueAsync(IncidentId id, OutboundIntent intent, DateTimeOffset at, CancellationToken cancellationToken) => Write(true);

    public Task SavePostmortemAsync(IncidentId id, string markdown, DateTimeOffset at, CancellationToken cancellationToken) => Write(true);

    public Task SavepointAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ReleaseSavepointAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RollbackToSavepointAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CommitAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException("A dry run never commits: the group commit decides again and writes.");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task<T> Write<T>(T result)
    {
        Wrote = true;
        return Task.FromResult(result);
    }
}

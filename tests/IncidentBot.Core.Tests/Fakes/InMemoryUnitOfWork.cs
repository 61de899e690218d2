using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;

namespace IncidentBot.Core.Tests.Fakes;

/// <summary>
/// One transaction of <see cref="InMemoryIncidentStore"/>: reads see the committed state plus this transaction's
/// own writes; <see cref="CommitAsync"/> publishes them all at once; disposing without commit throws them away.
/// Using it after commit or dispose throws, as a finished database transaction would.
/// </summary>
internal sealed class InMemoryUnitOfWork(InMemoryIncidentStore store, StoreData data) : IIncidentUnitOfWork
{
    private bool _committed;
    private bool _disposed;

    public Task<bool> TryRecordInboundAsync(WorkspaceId workspace, string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        EnsureOpen();
        return Task.FromResult(data.InboundKeys.Add((workspace, key)));
    }

    public Task<IncidentId> NextIncidentIdAsync(CancellationToken cancellationToken)
    {
        EnsureOpen();
        data.LastIncidentNumber++;
        return Task.FromResult(new IncidentId(data.LastIncidentNumber));
    }

    public Task<Incident?> GetAsync(WorkspaceId workspace, IncidentId id, CancellationToken cancellationToken)
    {
        EnsureOpen();
        return Task.FromResult(data.InWorkspace(workspace, id));
    }

    public Task<Incident?> GetForReminderAsync(IncidentId id, CancellationToken cancellationToken)
    {
        EnsureOpen();
        return Task.FromResult(data.Incident(id));
    }

    public Task<Incident?> FindByThreadAsync(WorkspaceId workspace, string threadId, CancellationToken cancellationToken)
    {
        EnsureOpen();
        return Task.FromResult(data.Incidents.Values.FirstOrDefault(i => i.Workspace == workspace && i.ThreadId == threadId));
    }

    public Task<Incident?> FindByRootMessageAsync(WorkspaceId workspace, string rootMessageId, CancellationToken cancellationToken)
    {
        EnsureOpen();
        return Task.FromResult(data.Incidents.Values.FirstOrDefault(i => i.Workspace == workspace && i.RootMessageId == rootMessageId));
    }

    public Task<IReadOnlyList<Incident>> ListOpenAsync(WorkspaceId workspace, string? channelId, CancellationToken cancellationToken)
    {
        EnsureOpen();
        IReadOnlyList<Incident> open =
        [
            .. data.Incidents.Values
                .Where(i => i.Workspace == workspace && i.IsOpen && (channelId is null || i.ChannelId == channelId))
                .OrderBy(i => i.Id.Number),
        ];
        return Task.FromResult(open);
    }

    public Task SaveAsync(Incident incident, CancellationToken cancellationToken)
    {
        EnsureOpen();
        data.Incidents[incident.Id] = incident;
        return Task.CompletedTask;
    }

    public Task<long> AddTimelineAsync(TimelineEntry entry, CancellationToken cancellationToken)
    {
        EnsureOpen();
        RequireIncident(entry.IncidentId);
        data.LastTimelineId++;
        data.Timeline.Add(entry with { Id = data.LastTimelineId });
        return Task.FromResult(data.LastTimelineId);
    }

    public Task<TimelineEntry?> FindTimelineBySourceAsync(WorkspaceId workspace, string sourceMessageId, CancellationToken cancellationToken)
    {
        EnsureOpen();
        return Task.FromResult(data.Timeline.FirstOrDefault(e =>
            e.SourceMessageId == sourceMessageId && data.Incident(e.IncidentId)?.Workspace == workspace));
    }

    public Task UpdateTimelineAsync(TimelineEntry entry, CancellationToken cancellationToken)
    {
        EnsureOpen();
        var index = data.Timeline.FindIndex(e => e.Id == entry.Id);
        if (index < 0)
        {
            throw new InvalidOperationException($"Timeline entry {entry.Id} does not exist.");
        }

        data.Timeline[index] = entry;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(IncidentId id, CancellationToken cancellationToken)
    {
        EnsureOpen();
        return Task.FromResult(data.TimelineOf(id));
    }

    public Task<long> AddActionItemAsync(ActionItem item, CancellationToken cancellationToken)
    {
        EnsureOpen();
        RequireIncident(item.IncidentId);
        data.LastActionItemId++;
        data.ActionItems.Add(item with { Id = data.LastActionItemId });
        return Task.FromResult(data.LastActionItemId);
    }

    public Task<IReadOnlyList<ActionItem>> GetActionItemsAsync(IncidentId id, CancellationToken cancellationToken)
    {
        EnsureOpen();
        return Task.FromResult(data.ActionItemsOf(id));
    }

    public Task AddAuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        EnsureOpen();
        data.Audit.Add(entry);
        return Task.CompletedTask;
    }

    public Task EnqueueAsync(IncidentId id, OutboundIntent intent, DateTimeOffset at, CancellationToken cancellationToken)
    {
        EnsureOpen();
        RequireIncident(id);
        data.LastOutboxId++;
        data.Outbox.Add(new OutboxRow(new OutboxMessage(data.LastOutboxId, id, intent, at, 0, at, null), null, null));
        return Task.CompletedTask;
    }

    public Task SavePostmortemAsync(IncidentId id, string markdown, DateTimeOffset at, CancellationToken cancellationToken)
    {
        EnsureOpen();
        data.Postmortems[id] = markdown;
        return Task.CompletedTask;
    }

    public Task CommitAsync(CancellationToken cancellationToken)
    {
        EnsureOpen();
        store.Publish(data);
        _committed = true;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            store.EndTransaction();
        }

        return ValueTask.CompletedTask;
    }

    private void EnsureOpen()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            throw new InvalidOperationException("The transaction has already committed.");
        }
    }

    /// <summary>A database enforces the foreign key from timeline, action and outbox rows to the incident.</summary>
    private void RequireIncident(IncidentId id)
    {
        if (!data.Incidents.ContainsKey(id))
        {
            throw new InvalidOperationException($"{id} is not stored in this transaction.");
        }
    }
}

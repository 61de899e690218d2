using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;

namespace IncidentBot.Core.Tests.Fakes;

/// <summary>
/// One transaction of <see cref="InMemoryIncidentStore"/>: reads see the committed state plus this transaction's
/// own writes; <see cref="CommitAsync"/> publishes them all at once; disposing without commit throws them away.
/// Using it after commit or dispose throws, as a finished database transaction would. Read-only, it is the store's
/// reader: committed state, and any write throws.
/// </summary>
internal sealed class InMemoryUnitOfWork(InMemoryIncidentStore store, StoreData data, bool readOnly = false) : IIncidentUnitOfWork
{
    private StoreData _data = data;
    private StoreData? _savepoint;
    private bool _committed;
    private bool _disposed;

    public Task<bool> TryRecordInboundAsync(WorkspaceId workspace, string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        EnsureWritable();
        return Task.FromResult(_data.InboundKeys.Add((workspace, key)));
    }

    public Task<IncidentId> NextIncidentIdAsync(CancellationToken cancellationToken)
    {
        EnsureWritable();
        _data.LastIncidentNumber++;
        return Task.FromResult(new IncidentId(_data.LastIncidentNumber));
    }

    public Task<Incident?> GetAsync(WorkspaceId workspace, IncidentId id, CancellationToken cancellationToken)
    {
        EnsureOpen();
        return Task.FromResult(_data.InWorkspace(workspace, id));
    }

    public Task<Incident?> GetForReminderAsync(IncidentId id, CancellationToken cancellationToken)
    {
        EnsureOpen();
        return Task.FromResult(_data.Incident(id));
    }

    public Task<Incident?> FindByThreadAsync(WorkspaceId workspace, string threadId, CancellationToken cancellationToken)
    {
        EnsureOpen();
        return Task.FromResult(_data.Incidents.Values.FirstOrDefault(i => i.Workspace == workspace && i.ThreadId == threadId));
    }

    public Task<Incident?> FindByRootMessageAsync(WorkspaceId workspace, string rootMessageId, CancellationToken cancellationToken)
    {
        EnsureOpen();
        return Task.FromResult(_data.Incidents.Values.FirstOrDefault(i => i.Workspace == workspace && i.RootMessageId == rootMessageId));
    }

    public Task<IReadOnlyList<Incident>> ListOpenAsync(WorkspaceId workspace, string? channelId, CancellationToken cancellationToken)
    {
        EnsureOpen();
        IReadOnlyList<Incident> open =
        [
            .. _data.Incidents.Values
                .Where(i => i.Workspace == workspace && i.IsOpen && (channelId is null || i.ChannelId == channelId))
                .OrderBy(i => i.Id.Number),
        ];
        return Task.FromResult(open);
    }

    public Task SaveAsync(Incident incident, CancellationToken cancellationToken)
    {
        EnsureWritable();
        _data.Incidents[incident.Id] = incident;
        return Task.CompletedTask;
    }

    public Task<long> AddTimelineAsync(TimelineEntry entry, CancellationToken cancellationToken)
    {
        EnsureWritable();
        RequireIncident(entry.IncidentId);
        _data.LastTimelineId++;
        _data.Timeline.Add(entry with { Id = _data.LastTimelineId });
        return Task.FromResult(_data.LastTimelineId);
    }

    public Task<TimelineEntry?> FindTimelineBySourceAsync(WorkspaceId workspace, string sourceMessageId, CancellationToken cancellationToken)
    {
        EnsureOpen();
        return Task.FromResult(_data.Timeline.FirstOrDefault(e =>
            e.SourceMessageId == sourceMessageId && _data.Incident(e.IncidentId)?.Workspace == workspace));
    }

    public Task UpdateTimelineAsync(TimelineEntry entry, CancellationToken cancellationToken)
    {
        EnsureWritable();
        var index = _data.Timeline.FindIndex(e => e.Id == entry.Id);
        if (index < 0)
        {
            throw new InvalidOperationException($"Timeline entry {entry.Id} does not exist.");
        }

        _data.Timeline[index] = entry;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(IncidentId id, CancellationToken cancellationToken)
    {
        EnsureOpen();
        return Task.FromResult(_data.TimelineOf(id));
    }

    public Task<long> AddActionItemAsync(ActionItem item, CancellationToken cancellationToken)
    {
        EnsureWritable();
        RequireIncident(item.IncidentId);
        _data.LastActionItemId++;
        _data.ActionItems.Add(item with { Id = _data.LastActionItemId });
        return Task.FromResult(_data.LastActionItemId);
    }

    public Task<IReadOnlyList<ActionItem>> GetActionItemsAsync(IncidentId id, CancellationToken cancellationToken)
    {
        EnsureOpen();
        return Task.FromResult(_data.ActionItemsOf(id));
    }

    public Task AddAuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        EnsureWritable();
        _data.Audit.Add(entry);
        return Task.CompletedTask;
    }

    public Task EnqueueAsync(IncidentId id, OutboundIntent intent, DateTimeOffset at, CancellationToken cancellationToken)
    {
        EnsureWritable();
        RequireIncident(id);
        _data.LastOutboxId++;
        _data.Outbox.Add(new OutboxRow(new OutboxMessage(_data.LastOutboxId, id, intent, at, 0, at, null), null, null));
        return Task.CompletedTask;
    }

    public Task SavePostmortemAsync(IncidentId id, string markdown, DateTimeOffset at, CancellationToken cancellationToken)
    {
        EnsureWritable();
        _data.Postmortems[id] = markdown;
        return Task.CompletedTask;
    }

    public Task<bool> IsInboundRecordedAsync(WorkspaceId workspace, string key, CancellationToken cancellationToken)
    {
        EnsureOpen();
        return Task.FromResult(_data.InboundKeys.Contains((workspace, key)));
    }

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineTailAsync(IncidentId id, int count, bool withReminders, CancellationToken cancellationToken)
    {
        EnsureOpen();
        return Task.FromResult(_data.TailOf(id, count, withReminders));
    }

    public Task<int> CountTimelineAsync(IncidentId id, CancellationToken cancellationToken)
    {
        EnsureOpen();
        return Task.FromResult(_data.CountOf(id));
    }

    public Task SavepointAsync(CancellationToken cancellationToken)
    {
        EnsureWritable();
        _savepoint = _data.Copy();
        return Task.CompletedTask;
    }

    public Task ReleaseSavepointAsync(CancellationToken cancellationToken)
    {
        EnsureWritable();
        _savepoint = null;
        return Task.CompletedTask;
    }

    public Task RollbackToSavepointAsync(CancellationToken cancellationToken)
    {
        EnsureWritable();
        _data = _savepoint ?? throw new InvalidOperationException("No savepoint to roll back to.");
        _savepoint = null;
        return Task.CompletedTask;
    }

    public Task CommitAsync(CancellationToken cancellationToken)
    {
        EnsureWritable();
        store.Publish(_data);
        _committed = true;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            if (!readOnly)
            {
                store.EndTransaction();
            }
        }

        return ValueTask.CompletedTask;
    }

    private void EnsureWritable()
    {
        EnsureOpen();
        if (readOnly)
        {
            throw new InvalidOperationException("A reader cannot write: only the group commit writes.");
        }
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
        if (!_data.Incidents.ContainsKey(id))
        {
            throw new InvalidOperationException($"{id} is not stored in this transaction.");
        }
    }
}

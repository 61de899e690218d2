using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;

namespace IncidentBot.Core.Tests.Fakes;

/// <summary>
/// An in-memory <see cref="IIncidentStore"/> with real transaction semantics, so the use cases can be tested
/// without SQLite: a unit of work sees a private copy, commit publishes it, dispose without commit discards it.
/// Like SQLite there is one writer at a time; a second transaction while one is open is a bug in the caller
/// (Core never nests them), so it throws instead of deadlocking the test. The committed outbox is the
/// recording of what the bot would say.
/// </summary>
internal sealed class InMemoryIncidentStore : IIncidentStore
{
    private StoreData _committed = new();
    private bool _inTransaction;

    /// <summary>When set, the next commit throws this instead of committing (a full disk, a lost connection).</summary>
    public Exception? FailNextCommit { get; set; }

    /// <summary>How many transactions committed.</summary>
    public int Commits { get; private set; }

    /// <summary>How many transactions were opened.</summary>
    public int Transactions { get; private set; }

    /// <summary>How many readers (decisions off the write path) were opened.</summary>
    public int Readers { get; private set; }

    public IReadOnlyList<Incident> Incidents => [.. _committed.Incidents.Values.OrderBy(i => i.Id.Number)];

    public IReadOnlyList<AuditEntry> Audit => [.. _committed.Audit];

    public IReadOnlyList<OutboxRow> Outbox => [.. _committed.Outbox];

    public IReadOnlyCollection<(WorkspaceId Workspace, string Key)> InboundKeys => [.. _committed.InboundKeys];

    public int TimelineCount => _committed.Timeline.Count;

    public int ActionItemCount => _committed.ActionItems.Count;

    public Incident Incident(IncidentId id) =>
        _committed.Incident(id) ?? throw new InvalidOperationException($"{id} is not stored.");

    public IReadOnlyList<TimelineEntry> Timeline(IncidentId id) => _committed.TimelineOf(id);

    public IReadOnlyList<ActionItem> ActionItems(IncidentId id) => _committed.ActionItemsOf(id);

    /// <summary>The intents queued for an incident, in delivery order, delivered or not.</summary>
    public IReadOnlyList<OutboundIntent> Intents(IncidentId id) =>
        [.. _committed.Outbox.Where(r => r.Message.IncidentId == id).OrderBy(r => r.Message.Id).Select(r => r.Message.Intent)];

    public string? Postmortem(IncidentId id) => _committed.Postmortems.GetValueOrDefault(id);

    public Task<IIncidentUnitOfWork> BeginAsync(CancellationToken cancellationToken)
    {
        if (_inTransaction)
        {
            throw new InvalidOperationException("A transaction is already open: commit or dispose it first.");
        }

        _inTransaction = true;
        Transactions++;
        return Task.FromResult<IIncidentUnitOfWork>(new InMemoryUnitOfWork(this, _committed.Copy()));
    }

    /// <summary>Committed state as of now; the store swaps in a new copy on commit, so what it reads never changes under it.</summary>
    public Task<IIncidentLookups> OpenLookupsAsync(CancellationToken cancellationToken)
    {
        Readers++;
        return Task.FromResult<IIncidentLookups>(new InMemoryUnitOfWork(this, _committed, readOnly: true));
    }

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineTailAsync(IncidentId id, int count, bool withReminders, CancellationToken cancellationToken) =>
        Task.FromResult(_committed.TailOf(id, count, withReminders));

    public Task<Incident?> FindAsync(IncidentId id, CancellationToken cancellationToken) =>
        Task.FromResult(_committed.Incident(id));

    public Task<IReadOnlyList<Incident>> ListAsync(bool openOnly, CancellationToken cancellationToken)
    {
        IReadOnlyList<Incident> list =
        [
            .. _committed.Incidents.Values
                .Where(i => !openOnly || i.IsOpen)
                .OrderByDescending(i => i.DeclaredAt)
                .ThenByDescending(i => i.Id.Number),
        ];
        return Task.FromResult(list);
    }

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(IncidentId id, CancellationToken cancellationToken) =>
        Task.FromResult(_committed.TimelineOf(id));

    public Task<IReadOnlyList<ActionItem>> GetActionItemsAsync(IncidentId id, CancellationToken cancellationToken) =>
        Task.FromResult(_committed.ActionItemsOf(id));

    public Task<string?> GetPostmortemAsync(IncidentId id, CancellationToken cancellationToken) =>
        Task.FromResult(_committed.Postmortems.GetValueOrDefault(id));

    public Task<DateTimeOffset?> GetEarliestReminderAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_committed.Incidents.Values.Where(i => i.NextReminderAt is not null).Min(i => i.NextReminderAt));

    public Task<IReadOnlyList<IncidentId>> GetDueIncidentsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<IncidentId> due =
        [
            .. _committed.Incidents.Values
                .Where(i => i.NextReminderAt <= now)
                .OrderBy(i => i.NextReminderAt)
                .ThenBy(i => i.Id.Number)
                .Take(limit)
                .Select(i => i.Id),
        ];
        return Task.FromResult(due);
    }

    /// <summary>
    /// Per incident: the oldest pending message other than a status-doc edit, when its time has come; and the
    /// newest pending edit queued before it (edits coalesce; an edit never overtakes the post it edits).
    /// </summary>
    public Task<IReadOnlyList<OutboxMessage>> GetDeliverableAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var result = new List<OutboxMessage>();
        foreach (var group in _committed.Outbox.Where(r => r.Pending).GroupBy(r => r.Message.IncidentId))
        {
            var ordered = group.OrderBy(r => r.Message.Id).ToList();
            var firstOther = ordered.FirstOrDefault(r => r.Message.Intent is not EditRootMessage);
            if (firstOther is not null && firstOther.Message.NextAttemptAt <= now)
            {
                result.Add(firstOther.Message);
            }

            var lastEdit = ordered.LastOrDefault(r =>
                r.Message.Intent is EditRootMessage && (firstOther is null || r.Message.Id < firstOther.Message.Id));
            if (lastEdit is not null && lastEdit.Message.NextAttemptAt <= now)
            {
                result.Add(lastEdit.Message);
            }
        }

        IReadOnlyList<OutboxMessage> deliverable = [.. result.OrderBy(m => m.Id).Take(limit)];
        return Task.FromResult(deliverable);
    }

    public Task<DateTimeOffset?> GetNextOutboxAttemptAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_committed.Outbox.Where(r => r.Pending).Select(r => (DateTimeOffset?)r.Message.NextAttemptAt).Min());

    public Task MarkDeliveredAsync(long messageId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Change(data => UpdateRow(data, messageId, row => row with { DeliveredAt = at }));

    public Task MarkEditsDeliveredAsync(IncidentId id, long upToId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Change(data =>
        {
            for (var i = 0; i < data.Outbox.Count; i++)
            {
                var row = data.Outbox[i];
                if (row.Pending && row.Message.IncidentId == id && row.Message.Id <= upToId && row.Message.Intent is EditRootMessage)
                {
                    data.Outbox[i] = row with { DeliveredAt = at };
                }
            }
        });

    public Task RescheduleAsync(long messageId, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken) =>
        Change(data => UpdateRow(data, messageId, row => row with
        {
            Message = row.Message with { Attempts = row.Message.Attempts + 1, NextAttemptAt = nextAttemptAt, LastError = reason },
        }));

    public Task DeferAsync(long messageId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        Change(data => UpdateRow(data, messageId, row => row with { Message = row.Message with { NextAttemptAt = nextAttemptAt } }));

    public Task MarkFailedAsync(long messageId, DateTimeOffset at, string reason, CancellationToken cancellationToken) =>
        Change(data => UpdateRow(data, messageId, row => row with
        {
            FailedAt = at,
            Message = row.Message with { Attempts = row.Message.Attempts + 1, LastError = reason },
        }));

    public Task SetRootMessageAsync(IncidentId id, string rootMessageId, CancellationToken cancellationToken) =>
        Change(data => data.Incidents[id] = RequireIncident(data, id) with { RootMessageId = rootMessageId });

    public Task SetThreadAsync(IncidentId id, string threadId, CancellationToken cancellationToken) =>
        Change(data => data.Incidents[id] = RequireIncident(data, id) with { ThreadId = threadId });

    public Task<int> CountPendingOutboxAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_committed.Outbox.Count(r => r.Pending));

    public Task<DateTimeOffset?> GetOldestPendingOutboxAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_committed.Outbox.Where(r => r.Pending).Select(r => (DateTimeOffset?)r.Message.CreatedAt).Min());

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    /// <summary>Called by the unit of work on commit: its copy becomes the committed state.</summary>
    internal void Publish(StoreData data)
    {
        if (FailNextCommit is { } failure)
        {
            FailNextCommit = null;
            throw failure;
        }

        _committed = data;
        Commits++;
    }

    internal void EndTransaction() => _inTransaction = false;

    private static Incident RequireIncident(StoreData data, IncidentId id) =>
        data.Incident(id) ?? throw new InvalidOperationException($"{id} is not stored.");

    private static void UpdateRow(StoreData data, long messageId, Func<OutboxRow, OutboxRow> change)
    {
        var index = data.Outbox.FindIndex(r => r.Message.Id == messageId);
        if (index < 0)
        {
            throw new InvalidOperationException($"Outbox message {messageId} does not exist.");
        }

        data.Outbox[index] = change(data.Outbox[index]);
    }

    /// <summary>A single-statement write outside a unit of work is its own small transaction.</summary>
    private Task Change(Action<StoreData> change)
    {
        if (_inTransaction)
        {
            throw new InvalidOperationException("A transaction is open: this write would be lost when it commits.");
        }

        var copy = _committed.Copy();
        change(copy);
        _committed = copy;
        return Task.CompletedTask;
    }
}

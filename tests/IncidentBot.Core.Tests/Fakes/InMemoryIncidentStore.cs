using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;

namespace IncidentBot.Core.Tests.Fakes;

/// <summary>
/// An in-memory <see cref="IIncidentStore"/> and <see cref="IIncidentReader"/> with real transaction semantics, so the use cases can be tested
/// without SQLite: a unit of work sees a private copy, commit publishes it, dispose without commit discards it.
/// Like SQLite there is one writer at a time; a second transaction while one is open is a bug in the caller
/// (Core never nests them), so it throws instead of deadlocking the test. The committed outbox is the
/// recording of what the bot would say (delivery is the host's, tested there).
/// </summary>
internal sealed class InMemoryIncidentStore : IIncidentStore, IIncidentReader
{
    private StoreData _committed = new();
    private bool _inTransaction;

    /// <summary>When set, the next commit throws this instead of committing (a full disk, a lost connection).</summary>
    public Exception? FailNextCommit { get; set; }

    /// <summary>How many transactions committed.</summary>
    public int Commits { get; private set; }

    /// <summary>How many transactions were opened.</summary>
    public int Transactions { get; private set; }

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

    /// <summary>What the dispatcher stores after posting the root: the tests play the platform.</summary>
    public Task SetRootMessageAsync(IncidentId id, string rootMessageId) =>
        Change(data => data.Incidents[id] = RequireIncident(data, id) with { RootMessageId = rootMessageId });

    public Task SetThreadAsync(IncidentId id, string threadId) =>
        Change(data => data.Incidents[id] = RequireIncident(data, id) with { ThreadId = threadId });

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

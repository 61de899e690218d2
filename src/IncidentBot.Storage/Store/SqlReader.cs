using System.Data.Common;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;
using IncidentBot.Storage.Database;
using IncidentBot.Storage.Incidents;

namespace IncidentBot.Storage.Store;

/// <summary>
/// The lookups of a decision, on one connection. On its own (no transaction) it reads committed state and never
/// queues for the write lock: that is how refusals, duplicates and read-only commands stay off the write path. A
/// <see cref="SqlUnitOfWork"/> is one too, inside its transaction.
/// </summary>
internal class SqlReader : IIncidentLookups
{
    private readonly KeptConnections.Lent? _lent;

    protected SqlReader(StorageDatabase database, DbConnection connection, DbTransaction? transaction, Statements statements)
    {
        Database = database;
        Connection = connection;
        Transaction = transaction;
        Statements = statements;
    }

    private SqlReader(StorageDatabase database, KeptConnections.Lent lent)
        : this(database, lent.Connection, null, lent.Statements)
    {
        _lent = lent;
    }

    protected StorageDatabase Database { get; }

    protected DbConnection Connection { get; }

    protected DbTransaction? Transaction { get; }

    /// <summary>The hot lookups run as kept, prepared commands (see <see cref="Database.Statements"/>).</summary>
    protected Statements Statements { get; }

    public static async Task<SqlReader> OpenAsync(StorageDatabase database, CancellationToken cancellationToken) =>
        new(database, await database.Readers.RentAsync(cancellationToken));

    public Task<bool> IsInboundRecordedAsync(WorkspaceId workspace, string key, CancellationToken cancellationToken) =>
        RunAsync(async () => await Statements.Bind(
            "SELECT 1 FROM inbound_keys WHERE platform = @Platform AND workspace_id = @WorkspaceId AND dedup_key = @Key",
            ("@Platform", workspace.Platform.ToString()),
            ("@WorkspaceId", workspace.Id),
            ("@Key", key)).ExecuteScalarAsync(cancellationToken) is not (null or DBNull));

    /// <summary>
    /// On its own (not in a unit of work), and where this process is the only writer, from the copy committed last if
    /// nothing has changed the incident since (<see cref="CommittedIncidents"/>).
    /// </summary>
    public virtual async Task<Incident?> GetAsync(WorkspaceId workspace, IncidentId id, CancellationToken cancellationToken)
    {
        var committed = _lent is null ? null : Database.Committed;
        if (committed is not null && committed.TryGet(id, out var known))
        {
            return known.Workspace == workspace ? known : null;
        }

        var changes = committed?.ChangesOf(id) ?? 0;
        var found = await RunAsync(() => IncidentSql.ByNumberAsync(Statements, id, workspace, cancellationToken));
        if (found is null)
        {
            return null;
        }

        committed?.Keep(found, changes);
        return Remember(found);
    }

    public virtual Task<Incident?> GetForReminderAsync(IncidentId id, CancellationToken cancellationToken) =>
        FirstAsync(IncidentSql.ByNumber, new { id.Number }, cancellationToken);

    /// <summary>Every thread message asks this: the number comes from a kept statement, the incident from <see cref="GetAsync"/>.</summary>
    public async Task<Incident?> FindByThreadAsync(WorkspaceId workspace, string threadId, CancellationToken cancellationToken)
    {
        var number = await RunAsync(async () => await Statements.Bind(
            $"SELECT i.number FROM incidents i WHERE {IncidentSql.ByWorkspaceAndThread} ORDER BY {IncidentSql.NewestFirst} LIMIT 1",
            ("@ThreadId", threadId),
            ("@Platform", workspace.Platform.ToString()),
            ("@WorkspaceId", workspace.Id)).ExecuteScalarAsync(cancellationToken));
        return number is long found ? await GetAsync(workspace, new IncidentId(found), cancellationToken) : null;
    }

    public Task<Incident?> FindByRootMessageAsync(WorkspaceId workspace, string rootMessageId, CancellationToken cancellationToken) =>
        FirstAsync(IncidentSql.ByWorkspaceAndRoot, new { RootMessageId = rootMessageId, Platform = workspace.Platform.ToString(), WorkspaceId = workspace.Id }, cancellationToken);

    /// <summary>
    /// <c>list</c> and every command that leaves out its INC-n ask this. On its own, and where this process is the only
    /// writer, from the list read last if no incident has changed since (<see cref="CommittedIncidents"/>).
    /// </summary>
    public async Task<IReadOnlyList<Incident>> ListOpenAsync(WorkspaceId workspace, string? channelId, CancellationToken cancellationToken)
    {
        var committed = _lent is null ? null : Database.Committed;
        if (committed is not null && committed.TryGetOpen(workspace, channelId, out var known))
        {
            return known;
        }

        var changes = committed?.AllChanges ?? 0;
        var open = await RunAsync(() => channelId is null
            ? IncidentSql.QueryAsync(Statements, IncidentSql.OpenInWorkspace, IncidentSql.NewestFirst, cancellationToken,
                ("@Platform", workspace.Platform.ToString()), ("@WorkspaceId", workspace.Id))
            : IncidentSql.QueryAsync(Statements, IncidentSql.OpenInWorkspaceChannel, IncidentSql.NewestFirst, cancellationToken,
                ("@Platform", workspace.Platform.ToString()), ("@WorkspaceId", workspace.Id), ("@ChannelId", channelId)));
        committed?.KeepOpen(workspace, channelId, open, changes);
        return open;
    }

    public Task<TimelineEntry?> FindTimelineBySourceAsync(WorkspaceId workspace, string sourceMessageId, CancellationToken cancellationToken) =>
        RunAsync(() => TimelineSql.BySourceAsync(Connection, Transaction, Statements, workspace, sourceMessageId, cancellationToken));

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(IncidentId id, CancellationToken cancellationToken) =>
        RunAsync(() => TimelineSql.ForIncidentAsync(Connection, Transaction, id, cancellationToken));

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineTailAsync(IncidentId id, int count, bool withReminders, CancellationToken cancellationToken) =>
        RunAsync(() => TimelineSql.TailAsync(Connection, Transaction, id, count, withReminders, cancellationToken));

    public Task<int> CountTimelineAsync(IncidentId id, CancellationToken cancellationToken) =>
        RunAsync(() => TimelineSql.CountAsync(Connection, Transaction, id, cancellationToken));

    public Task<IReadOnlyList<ActionItem>> GetActionItemsAsync(IncidentId id, CancellationToken cancellationToken) =>
        RunAsync(() => ActionItemSql.ForIncidentAsync(Connection, Transaction, id, cancellationToken));

    public virtual async ValueTask DisposeAsync()
    {
        if (_lent is not null)
        {
            await Database.Readers.ReturnAsync(_lent);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Called with every incident a lookup found; a unit of work keeps them for its transaction.</summary>
    protected virtual Incident Remember(Incident incident) => incident;

    private async Task<Incident?> FirstAsync(string filter, object parameters, CancellationToken cancellationToken)
    {
        var found = await RunAsync(() => IncidentSql.FirstAsync(Connection, Transaction, filter, parameters, cancellationToken));
        return found is null ? null : Remember(found);
    }

    protected virtual Task<T> RunAsync<T>(Func<Task<T>> step) => Database.RunAsync(step);
}

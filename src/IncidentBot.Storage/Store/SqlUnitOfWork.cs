using System.Data.Common;
using System.Diagnostics;
using Dapper;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;
using IncidentBot.Storage.Database;
using IncidentBot.Storage.Incidents;
using IncidentBot.Storage.Outbox;

namespace IncidentBot.Storage.Store;

/// <summary>
/// One transaction on one connection. It starts with the write lock taken (<see cref="SqlDialect.BeginWriteAsync"/>:
/// SQLite's <c>BEGIN IMMEDIATE</c>, PostgreSQL's advisory lock), so units of work, in this process or another
/// replica, run one after the other and each decides on what the previous one committed; a due reminder is thus
/// claimed and fired in one transaction. A group commit runs many records through it, each between
/// <see cref="SavepointAsync"/> and its release or rollback (https://www.sqlite.org/lang_savepoint.html; PostgreSQL
/// has the same statements). Each incident is read once per transaction and then kept here with the changes the
/// records made, and saving writes only the columns that changed. After a failure it accepts nothing but a
/// rollback to the savepoint: SQLite may have rolled the whole transaction back already (disk full does), and
/// then that rollback fails too, and so does anything after it.
/// </summary>
internal sealed partial class SqlUnitOfWork : SqlReader, IIncidentUnitOfWork
{
    private const string Savepoint = "record";

    private readonly OutboxJson _json;
    private readonly WriteGate.Turn _turn;
    private readonly KeptConnections.Lent _lent;
    private readonly DbTransaction _transaction;
    private readonly Dictionary<long, Incident> _incidents = [];
    private readonly HashSet<long> _saved = [];
    private bool _committed;
    private bool _failed;
    private bool _anyFailed;

    private SqlUnitOfWork(StorageDatabase database, OutboxJson json, WriteGate.Turn turn, KeptConnections.Lent lent, DbTransaction transaction)
        : base(database, lent.Connection, transaction, lent.Statements)
    {
        _json = json;
        _turn = turn;
        _lent = lent;
        _transaction = transaction;
        lent.Statements.Transaction = transaction;
    }

    /// <summary>
    /// Takes this process's turn at writing first (<see cref="WriteGate"/>), then a kept writer connection (its
    /// statements stay prepared from one group to the next) and the engine's write lock, and keeps all three until
    /// disposed.
    /// </summary>
    public static async Task<SqlUnitOfWork> BeginAsync(StorageDatabase database, OutboxJson json, CancellationToken cancellationToken)
    {
        var turn = await database.Gate.EnterAsync(cancellationToken);
        KeptConnections.Lent? lent = null;
        try
        {
            lent = await database.Writers.RentAsync(cancellationToken);
            var connection = lent.Connection;
            var transaction = await database.RunAsync(() => database.Dialect.BeginWriteAsync(connection, cancellationToken));
            return new SqlUnitOfWork(database, json, turn, lent, transaction);
        }
        catch
        {
            if (lent is not null)
            {
                await database.Writers.ReturnAsync(lent, clean: false);
            }

            turn.Dispose();
            throw;
        }
    }

    public override async Task<Incident?> GetAsync(WorkspaceId workspace, IncidentId id, CancellationToken cancellationToken) =>
        _incidents.TryGetValue(id.Number, out var known)
            ? known.Workspace == workspace ? known : null
            : await base.GetAsync(workspace, id, cancellationToken);

    public override async Task<Incident?> GetForReminderAsync(IncidentId id, CancellationToken cancellationToken) =>
        _incidents.TryGetValue(id.Number, out var known) ? known : await base.GetForReminderAsync(id, cancellationToken);

    public Task<bool> TryRecordInboundAsync(WorkspaceId workspace, string key, DateTimeOffset at, CancellationToken cancellationToken) =>
        RunAsync(async () => await Statements.ExecuteAsync(
            """
            INSERT INTO inbound_keys (platform, workspace_id, dedup_key, received_at) VALUES (@Platform, @WorkspaceId, @Key, @At)
            ON CONFLICT (platform, workspace_id, dedup_key) DO NOTHING
            """,
            cancellationToken,
            ("@Platform", workspace.Platform.ToString()),
            ("@WorkspaceId", workspace.Id),
            ("@Key", key),
            ("@At", Instants.ToMs(at))) == 1);

    public Task<IncidentId> NextIncidentIdAsync(CancellationToken cancellationToken) =>
        RunAsync(async () => new IncidentId(await Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "UPDATE id_sequences SET last_value = last_value + 1 WHERE name = 'incident' RETURNING last_value",
            transaction: _transaction,
            cancellationToken: cancellationToken))));

    public async Task SaveAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        _saved.Add(incident.Id.Number);
        await StepAsync(() => _incidents.TryGetValue(incident.Id.Number, out var before)
            ? IncidentWrites.UpdateChangedAsync(Connection, _transaction, before, incident, cancellationToken)
            : IncidentSql.SaveAsync(Connection, _transaction, incident, cancellationToken));
        _incidents[incident.Id.Number] = incident;
    }

    public Task<long> AddTimelineAsync(TimelineEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return RunAsync(() => TimelineSql.AddAsync(Connection, _transaction, Statements, entry, cancellationToken));
    }

    public Task UpdateTimelineAsync(TimelineEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return StepAsync(() => TimelineSql.UpdateAsync(Connection, _transaction, entry, cancellationToken));
    }

    public Task<long> AddActionItemAsync(ActionItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return RunAsync(() => ActionItemSql.AddAsync(Connection, _transaction, item, cancellationToken));
    }

    public Task AddAuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return StepAsync(() => Statements.ExecuteAsync(
            """
            INSERT INTO audit_entries (platform, workspace_id, incident_number, at, actor_id, action, detail)
            VALUES (@Platform, @WorkspaceId, @IncidentNumber, @At, @ActorId, @Action, @Detail)
            """,
            cancellationToken,
            ("@Platform", entry.Workspace.Platform.ToString()),
            ("@WorkspaceId", entry.Workspace.Id),
            ("@IncidentNumber", entry.IncidentId?.Number),
            ("@At", Instants.ToMs(entry.At)),
            ("@ActorId", entry.ActorId),
            ("@Action", entry.Action),
            ("@Detail", entry.Detail)));
    }

    public Task EnqueueAsync(IncidentId id, OutboundIntent intent, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var (kind, lane, waitsFor) = OutboxKind.Classify(intent);

        // The activity the group commit runs this input's decision under: its delivery continues that trace.
        var trace = Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;
        return StepAsync(async () =>
        {
            if (lane == OutboxKind.DocLane && await Statements.ExecuteAsync(
                    OutboxSql.JoinPendingEdit, cancellationToken, ("@IncidentNumber", id.Number), ("@TraceParent", trace)) == 1)
            {
                return;
            }

            await Statements.ExecuteAsync(
                OutboxSql.Enqueue(Database.Dialect),
                cancellationToken,
                ("@IncidentNumber", id.Number),
                ("@Kind", kind),
                ("@Lane", lane),
                ("@WaitsFor", waitsFor),
                ("@Intent", _json.Serialize(intent)),
                ("@At", Instants.ToMs(at)),
                ("@TraceParent", trace));
        });
    }

    public Task SavePostmortemAsync(IncidentId id, string markdown, DateTimeOffset at, CancellationToken cancellationToken) =>
        StepAsync(() => Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO postmortems (incident_number, markdown, generated_at) VALUES (@Number, @Markdown, @At)
            ON CONFLICT (incident_number) DO UPDATE SET markdown = excluded.markdown, generated_at = excluded.generated_at
            """,
            new { id.Number, Markdown = markdown, At = Instants.ToMs(at) },
            _transaction,
            cancellationToken: cancellationToken)));

    // Plain SQL rather than DbTransaction.Save/Release, so the statements stay prepared like the rest.
    public Task SavepointAsync(CancellationToken cancellationToken) =>
        StepAsync(() => Statements.ExecuteAsync("SAVEPOINT " + Savepoint, cancellationToken));

    public Task ReleaseSavepointAsync(CancellationToken cancellationToken) =>
        StepAsync(() => Statements.ExecuteAsync("RELEASE SAVEPOINT " + Savepoint, cancellationToken));

    public async Task RollbackToSavepointAsync(CancellationToken cancellationToken)
    {
        if (_committed)
        {
            throw new InvalidOperationException("This unit of work is committed; begin a new one.");
        }

        // ROLLBACK TO keeps the savepoint open; RELEASE closes it, so the next record starts a fresh one.
        try
        {
            await Database.RunAsync(async () =>
            {
                await Statements.ExecuteAsync("ROLLBACK TO SAVEPOINT " + Savepoint, cancellationToken);
                await Statements.ExecuteAsync("RELEASE SAVEPOINT " + Savepoint, cancellationToken);
            });
        }
        catch
        {
            _anyFailed = true;
            throw;
        }

        _failed = false;

        // The kept incidents may carry changes that were just undone; read them again when next needed.
        _incidents.Clear();
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await StepAsync(() => _transaction.CommitAsync(cancellationToken));
        }
        finally
        {
            // Even when the commit failed, it may have been written: the copies of what was saved are dropped either way,
            // in this unit of work's turn, so the next one cannot start on an older copy.
            foreach (var number in _saved)
            {
                Database.Committed?.Changed(number);
            }
        }

        _committed = true;
        Database.Written();
    }

    public override async ValueTask DisposeAsync()
    {
        // Disposing an uncommitted transaction rolls it back; SQLite may have done so already (disk full). A
        // connection any step failed on is closed rather than kept: whatever state it was left in goes with it.
        var clean = !_anyFailed;
        try
        {
            await _transaction.DisposeAsync();
        }
        catch
        {
            clean = false;
            throw;
        }
        finally
        {
            await Database.Writers.ReturnAsync(_lent, clean);
            await base.DisposeAsync();
            _turn.Dispose();
        }
    }

    protected override Incident Remember(Incident incident) =>
        _incidents.TryAdd(incident.Id.Number, incident) ? incident : _incidents[incident.Id.Number];

    protected override async Task<T> RunAsync<T>(Func<Task<T>> step)
    {
        if (_committed || _failed)
        {
            throw new InvalidOperationException(_committed
                ? "This unit of work is committed; begin a new one."
                : "An earlier step of this unit of work failed; roll back to the savepoint or dispose it, which rolls it back.");
        }

        try
        {
            return await Database.RunAsync(step);
        }
        catch
        {
            _failed = true;
            _anyFailed = true;
            throw;
        }
    }

    private Task<bool> StepAsync(Func<Task> step) => RunAsync(async () =>
    {
        await step();
        return true;
    });
}

using System.Data.Common;
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
/// claimed and fired in one transaction. After any failure it only rolls back: SQLite may already have rolled the
/// transaction back (disk full does), and a later statement would then commit on its own.
/// </summary>
internal sealed partial class SqlUnitOfWork : IIncidentUnitOfWork
{
    private readonly StorageDatabase _database;
    private readonly OutboxJson _json;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private bool _committed;
    private bool _failed;

    private SqlUnitOfWork(StorageDatabase database, OutboxJson json, DbConnection connection, DbTransaction transaction)
    {
        _database = database;
        _json = json;
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<SqlUnitOfWork> BeginAsync(StorageDatabase database, OutboxJson json, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            var transaction = await database.RunAsync(() => database.Dialect.BeginWriteAsync(connection, cancellationToken));
            return new SqlUnitOfWork(database, json, connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task<bool> TryRecordInboundAsync(WorkspaceId workspace, string key, DateTimeOffset at, CancellationToken cancellationToken) =>
        RunAsync(async () => await _connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO inbound_keys (platform, workspace_id, dedup_key, received_at) VALUES (@Platform, @WorkspaceId, @Key, @At)
            ON CONFLICT (platform, workspace_id, dedup_key) DO NOTHING
            """,
            new { Platform = workspace.Platform.ToString(), WorkspaceId = workspace.Id, Key = key, At = Instants.ToMs(at) },
            _transaction,
            cancellationToken: cancellationToken)) == 1);

    public Task<IncidentId> NextIncidentIdAsync(CancellationToken cancellationToken) =>
        RunAsync(async () => new IncidentId(await _connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "UPDATE id_sequences SET last_value = last_value + 1 WHERE name = 'incident' RETURNING last_value",
            transaction: _transaction,
            cancellationToken: cancellationToken))));

    public Task<Incident?> GetAsync(WorkspaceId workspace, IncidentId id, CancellationToken cancellationToken) =>
        FirstAsync(IncidentSql.ByWorkspaceAndNumber, new { id.Number, Platform = workspace.Platform.ToString(), WorkspaceId = workspace.Id }, cancellationToken);

    public Task<Incident?> GetForReminderAsync(IncidentId id, CancellationToken cancellationToken) =>
        FirstAsync(IncidentSql.ByNumber, new { id.Number }, cancellationToken);

    public Task<Incident?> FindByThreadAsync(WorkspaceId workspace, string threadId, CancellationToken cancellationToken) =>
        FirstAsync(IncidentSql.ByWorkspaceAndThread, new { ThreadId = threadId, Platform = workspace.Platform.ToString(), WorkspaceId = workspace.Id }, cancellationToken);

    public Task<Incident?> FindByRootMessageAsync(WorkspaceId workspace, string rootMessageId, CancellationToken cancellationToken) =>
        FirstAsync(IncidentSql.ByWorkspaceAndRoot, new { RootMessageId = rootMessageId, Platform = workspace.Platform.ToString(), WorkspaceId = workspace.Id }, cancellationToken);

    public Task<IReadOnlyList<Incident>> ListOpenAsync(WorkspaceId workspace, string? channelId, CancellationToken cancellationToken) =>
        RunAsync(() => IncidentSql.QueryAsync(
            _connection,
            _transaction,
            channelId is null ? IncidentSql.OpenInWorkspace : IncidentSql.OpenInWorkspaceChannel,
            IncidentSql.NewestFirst,
            new { Platform = workspace.Platform.ToString(), WorkspaceId = workspace.Id, ChannelId = channelId },
            cancellationToken));

    public Task SaveAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return RunAsync(() => IncidentSql.SaveAsync(_connection, _transaction, incident, cancellationToken));
    }

    public Task<long> AddTimelineAsync(TimelineEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return RunAsync(() => TimelineSql.AddAsync(_connection, _transaction, entry, cancellationToken));
    }

    public Task<TimelineEntry?> FindTimelineBySourceAsync(WorkspaceId workspace, string sourceMessageId, CancellationToken cancellationToken) =>
        RunAsync(() => TimelineSql.BySourceAsync(_connection, _transaction, workspace, sourceMessageId, cancellationToken));

    public Task UpdateTimelineAsync(TimelineEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return RunAsync(() => TimelineSql.UpdateAsync(_connection, _transaction, entry, cancellationToken));
    }

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(IncidentId id, CancellationToken cancellationToken) =>
        RunAsync(() => TimelineSql.ForIncidentAsync(_connection, _transaction, id, cancellationToken));

    public Task<long> AddActionItemAsync(ActionItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return RunAsync(() => ActionItemSql.AddAsync(_connection, _transaction, item, cancellationToken));
    }

    public Task<IReadOnlyList<ActionItem>> GetActionItemsAsync(IncidentId id, CancellationToken cancellationToken) =>
        RunAsync(() => ActionItemSql.ForIncidentAsync(_connection, _transaction, id, cancellationToken));

    public Task AddAuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return RunAsync(() => _connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_entries (platform, workspace_id, incident_number, at, actor_id, action, detail)
            VALUES (@Platform, @WorkspaceId, @IncidentNumber, @At, @ActorId, @Action, @Detail)
            """,
            new
            {
                Platform = entry.Workspace.Platform.ToString(),
                WorkspaceId = entry.Workspace.Id,
                IncidentNumber = entry.IncidentId?.Number,
                At = Instants.ToMs(entry.At),
                entry.ActorId,
                entry.Action,
                entry.Detail,
            },
            _transaction,
            cancellationToken: cancellationToken)));
    }

    public Task EnqueueAsync(IncidentId id, OutboundIntent intent, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var (kind, lane, waitsFor) = OutboxKind.Classify(intent);
        return RunAsync(() => _connection.ExecuteAsync(new CommandDefinition(
            OutboxSql.Enqueue(_database.Dialect),
            new { IncidentNumber = id.Number, Kind = kind, Lane = lane, WaitsFor = waitsFor, Intent = _json.Serialize(intent), At = Instants.ToMs(at) },
            _transaction,
            cancellationToken: cancellationToken)));
    }

    public Task SavePostmortemAsync(IncidentId id, string markdown, DateTimeOffset at, CancellationToken cancellationToken) =>
        RunAsync(() => _connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO postmortems (incident_number, markdown, generated_at) VALUES (@Number, @Markdown, @At)
            ON CONFLICT (incident_number) DO UPDATE SET markdown = excluded.markdown, generated_at = excluded.generated_at
            """,
            new { id.Number, Markdown = markdown, At = Instants.ToMs(at) },
            _transaction,
            cancellationToken: cancellationToken)));

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await RunAsync(() => _transaction.CommitAsync(cancellationToken));
        _committed = true;
        _database.Written();
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing an uncommitted transaction rolls it back; SQLite may have done so already (disk full).
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private Task<Incident?> FirstAsync(string filter, object parameters, CancellationToken cancellationToken) =>
        RunAsync(() => IncidentSql.FirstAsync(_connection, _transaction, filter, parameters, cancellationToken));

    private async Task RunAsync(Func<Task> step) => await RunAsync(async () =>
    {
        await step();
        return true;
    });

    private async Task<T> RunAsync<T>(Func<Task<T>> step)
    {
        if (_committed || _failed)
        {
            throw new InvalidOperationException(_committed
                ? "This unit of work is committed; begin a new one."
                : "An earlier step of this unit of work failed; it can only be disposed, which rolls it back.");
        }

        try
        {
            return await _database.RunAsync(step);
        }
        catch
        {
            _failed = true;
            throw;
        }
    }
}

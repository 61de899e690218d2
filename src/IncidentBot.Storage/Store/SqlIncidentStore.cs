using System.Data.Common;
using System.Text.Json;
using Dapper;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;
using IncidentBot.Storage.Database;
using IncidentBot.Storage.Incidents;
using IncidentBot.Storage.Outbox;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Storage.Store;

/// <summary>
/// Core's storage port over Dapper and a <see cref="DbDataSource"/>. Reads and the dispatcher's bookkeeping
/// run on pooled connections of their own; WAL lets them proceed while a unit of work holds the write lock.
/// The store never reads the clock: callers pass the time.
/// </summary>
internal sealed class SqlIncidentStore(
    StorageDatabase database,
    OutboxJson json,
    int schemaVersion,
    ILogger<SqlIncidentStore> logger) : IIncidentStore
{
    public async Task<IIncidentUnitOfWork> BeginAsync(CancellationToken cancellationToken) =>
        await SqlUnitOfWork.BeginAsync(database, json, cancellationToken);

    public async Task<IIncidentLookups> OpenLookupsAsync(CancellationToken cancellationToken) =>
        await SqlReader.OpenAsync(database, cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineTailAsync(IncidentId id, int count, bool withReminders, CancellationToken cancellationToken) =>
        ReadAsync(c => TimelineSql.TailAsync(c, null, id, count, withReminders, cancellationToken), cancellationToken);

    public Task<Incident?> FindAsync(IncidentId id, CancellationToken cancellationToken) =>
        ReadAsync(c => IncidentSql.FirstAsync(c, null, IncidentSql.ByNumber, new { id.Number }, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Incident>> ListAsync(bool openOnly, CancellationToken cancellationToken) =>
        ReadAsync(c => IncidentSql.QueryAsync(c, null, openOnly ? IncidentSql.Open : IncidentSql.All, IncidentSql.NewestFirst, new { }, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(IncidentId id, CancellationToken cancellationToken) =>
        ReadAsync(c => TimelineSql.ForIncidentAsync(c, null, id, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ActionItem>> GetActionItemsAsync(IncidentId id, CancellationToken cancellationToken) =>
        ReadAsync(c => ActionItemSql.ForIncidentAsync(c, null, id, cancellationToken), cancellationToken);

    public Task<string?> GetPostmortemAsync(IncidentId id, CancellationToken cancellationToken) =>
        ReadAsync(c => c.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT markdown FROM postmortems WHERE incident_number = @Number", new { id.Number }, cancellationToken: cancellationToken)), cancellationToken);

    public Task<DateTimeOffset?> GetEarliestReminderAsync(CancellationToken cancellationToken) =>
        ReadAsync(async c => Instants.FromMs(await c.QuerySingleOrDefaultAsync<long?>(
            new CommandDefinition(ReminderSql.Earliest, cancellationToken: cancellationToken))), cancellationToken);

    public Task<IReadOnlyList<IncidentId>> GetDueIncidentsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<IncidentId>>(async c => (await c.QueryAsync<long>(new CommandDefinition(
                ReminderSql.Due, new { Now = Instants.ToMs(now), Limit = limit }, cancellationToken: cancellationToken)))
            .Select(n => new IncidentId(n))
            .ToList(), cancellationToken);

    public async Task<IReadOnlyList<OutboxMessage>> GetDeliverableAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(async c => (await c.QueryAsync<OutboxRow>(new CommandDefinition(
            OutboxSql.Deliverable, new { Now = Instants.ToMs(now), Limit = limit }, cancellationToken: cancellationToken))).AsList(), cancellationToken);
        var messages = new List<OutboxMessage>(rows.Count);
        foreach (var row in rows)
        {
            OutboundIntent intent;
            try
            {
                intent = json.Deserialize(row.Intent);
            }
            catch (JsonException e)
            {
                // A row no build can read would block its incident's queue forever: park it as failed, loudly.
                StorageLog.OutboxUnreadable(logger, row.Id, new IncidentId(row.IncidentNumber).ToString(), e.Message);
                await MarkFailedAsync(row.Id, now, "unreadable intent: " + e.Message, cancellationToken);
                continue;
            }

            messages.Add(new OutboxMessage(
                row.Id,
                new IncidentId(row.IncidentNumber),
                intent,
                Instants.FromMs(row.CreatedAt),
                checked((int)row.Attempts),
                Instants.FromMs(row.NextAttemptAt),
                row.LastError));
        }

        return messages;
    }

    public Task<DateTimeOffset?> GetNextOutboxAttemptAsync(CancellationToken cancellationToken) =>
        ReadAsync(async c => Instants.FromMs(await c.QuerySingleOrDefaultAsync<long?>(
            new CommandDefinition(OutboxSql.NextAttempt, cancellationToken: cancellationToken))), cancellationToken);

    public Task MarkDeliveredAsync(long messageId, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(OutboxSql.Finish, new { Id = messageId, State = OutboxKind.Delivered, At = Instants.ToMs(at), Reason = (string?)null }, cancellationToken);

    public Task MarkEditsDeliveredAsync(IncidentId id, long upToId, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(OutboxSql.FinishEdits, new { id.Number, UpToId = upToId, At = Instants.ToMs(at) }, cancellationToken);

    public Task RescheduleAsync(long messageId, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken) =>
        WriteAsync(OutboxSql.Reschedule, new { Id = messageId, NextAttemptAt = Instants.ToMs(nextAttemptAt), Reason = reason }, cancellationToken);

    public Task DeferAsync(long messageId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        WriteAsync(OutboxSql.Defer, new { Id = messageId, NextAttemptAt = Instants.ToMs(nextAttemptAt) }, cancellationToken);

    public Task MarkFailedAsync(long messageId, DateTimeOffset at, string reason, CancellationToken cancellationToken) =>
        WriteAsync(OutboxSql.Finish, new { Id = messageId, State = OutboxKind.Failed, At = Instants.ToMs(at), Reason = reason }, cancellationToken);

    public Task SetRootMessageAsync(IncidentId id, string rootMessageId, CancellationToken cancellationToken) =>
        SetIncidentFieldAsync("UPDATE incidents SET root_message_id = @Value WHERE number = @Number", id, rootMessageId, cancellationToken);

    public Task SetThreadAsync(IncidentId id, string threadId, CancellationToken cancellationToken) =>
        SetIncidentFieldAsync("UPDATE incidents SET thread_id = @Value WHERE number = @Number", id, threadId, cancellationToken);

    public Task<int> CountPendingOutboxAsync(CancellationToken cancellationToken) =>
        ReadAsync(c => c.ExecuteScalarAsync<int>(new CommandDefinition(OutboxSql.CountPending, cancellationToken: cancellationToken)), cancellationToken);

    public async Task<DateTimeOffset?> GetOldestPendingOutboxAsync(CancellationToken cancellationToken)
    {
        var ms = await ReadAsync(c => c.ExecuteScalarAsync<long?>(new CommandDefinition(OutboxSql.OldestPending, cancellationToken: cancellationToken)), cancellationToken);
        return ms is { } value ? Instants.FromMs(value) : null;
    }

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT MAX(version) FROM schema_version", cancellationToken: cancellationToken));
            return version == schemaVersion
                && (!database.IsFull || await database.HasHeadroomAsync(connection, cancellationToken));
        }
        catch (DbException)
        {
            // No schema_version table, a locked or unreadable file: not ready, and the probe says so rather than throwing.
            return false;
        }
    }

    private async Task SetIncidentFieldAsync(string sql, IncidentId id, string value, CancellationToken cancellationToken)
    {
        var changed = await WriteAsync(sql, new { id.Number, Value = value }, cancellationToken);
        if (changed == 0)
        {
            throw new InvalidOperationException($"{id} does not exist.");
        }
    }

    private async Task<int> WriteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await database.WriteAsync(() => connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)));
    }

    private async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReadAsync(cancellationToken);
        return await database.RunAsync(() => read(connection));
    }
}

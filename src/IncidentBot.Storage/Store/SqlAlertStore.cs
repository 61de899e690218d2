using Dapper;
using IncidentBot.Core.Alerts;
using IncidentBot.Storage.Alerts;
using IncidentBot.Storage.Database;
using IncidentBot.Storage.Outbox;

namespace IncidentBot.Storage.Store;

/// <summary>The alert intake's port: units of work with the alert links, and the "declare?" notices' bookkeeping.</summary>
internal sealed class SqlAlertStore(StorageDatabase database, OutboxJson json) : IAlertStore
{
    public async Task<IAlertUnitOfWork> BeginAsync(CancellationToken cancellationToken) =>
        await SqlUnitOfWork.BeginAsync(database, json, cancellationToken);

    public async Task<IReadOnlyList<AlertNotice>> GetDueNoticesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await database.RunAsync(() => connection.QueryAsync<AlertGroupRow>(new CommandDefinition(
            AlertSql.DueNotices, new { Now = Instants.ToMs(now), Limit = limit }, cancellationToken: cancellationToken)));
        return rows.Select(r => new AlertNotice(r.ToLink(), checked((int)r.NoticeAttempts))).ToList();
    }

    public async Task<DateTimeOffset?> GetNextNoticeAttemptAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return Instants.FromMs(await database.RunAsync(() => connection.ExecuteScalarAsync<long?>(
            new CommandDefinition(AlertSql.NextNotice, cancellationToken: cancellationToken))));
    }

    public Task RecordNoticeAttemptAsync(long id, DateTimeOffset nextAttemptAt, string? reason, CancellationToken cancellationToken) =>
        WriteAsync(AlertSql.NoticeAttempt, new { Id = id, Next = Instants.ToMs(nextAttemptAt), Reason = reason }, cancellationToken);

    public Task MarkNoticePostedAsync(long id, string messageId, CancellationToken cancellationToken) =>
        WriteAsync(AlertSql.NoticePosted, new { Id = id, MessageId = messageId }, cancellationToken);

    public Task MarkNoticeFailedAsync(long id, string reason, CancellationToken cancellationToken) =>
        WriteAsync(AlertSql.NoticeFailed, new { Id = id, Reason = reason }, cancellationToken);

    private async Task WriteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await database.WriteAsync(() => connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)));
    }
}

using Dapper;
using IncidentBot.Core.Alerts;
using IncidentBot.Core.Incidents;
using IncidentBot.Storage.Alerts;
using IncidentBot.Storage.Database;

namespace IncidentBot.Storage.Store;

/// <summary>The alert links, in the unit of work's transaction (DESIGN.md §9).</summary>
internal sealed partial class SqlUnitOfWork : IAlertUnitOfWork
{
    public Task<AlertGroupLink?> FindAlertGroupAsync(WorkspaceId workspace, string source, string groupKey, CancellationToken cancellationToken) =>
        GroupAsync(AlertSql.FindGroup, new { Platform = workspace.Platform.ToString(), WorkspaceId = workspace.Id, Source = source, GroupKey = groupKey }, cancellationToken);

    public Task<AlertGroupLink?> GetAlertGroupAsync(WorkspaceId workspace, long id, CancellationToken cancellationToken) =>
        GroupAsync(AlertSql.GetGroup, new { Id = id, Platform = workspace.Platform.ToString(), WorkspaceId = workspace.Id }, cancellationToken);

    public async Task<long> SaveAlertGroupAsync(AlertGroupLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var parameters = AlertGroupRow.Parameters(link);
        if (link.Id == 0)
        {
            return await RunAsync(() => _connection.ExecuteScalarAsync<long>(
                new CommandDefinition(AlertSql.InsertGroup, parameters, _transaction, cancellationToken: cancellationToken)));
        }

        await RunAsync(() => _connection.ExecuteAsync(new CommandDefinition(AlertSql.UpdateGroup, parameters, _transaction, cancellationToken: cancellationToken)));
        return link.Id;
    }

    public Task<PagerDutyLink?> FindPagerDutyLinkAsync(string pagerDutyId, CancellationToken cancellationToken) =>
        PagerDutyAsync(AlertSql.FindPagerDuty, new { PagerDutyId = pagerDutyId }, cancellationToken);

    public Task<PagerDutyLink?> GetPagerDutyLinkAsync(IncidentId id, CancellationToken cancellationToken) =>
        PagerDutyAsync(AlertSql.GetPagerDuty, new { id.Number }, cancellationToken);

    public Task SavePagerDutyLinkAsync(PagerDutyLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        return RunAsync(() => _connection.ExecuteAsync(new CommandDefinition(
            AlertSql.SavePagerDuty,
            new { link.IncidentId.Number, link.PagerDutyId, link.Url, LinkedAt = Instants.ToMs(link.LinkedAt) },
            _transaction,
            cancellationToken: cancellationToken)));
    }

    private async Task<AlertGroupLink?> GroupAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var row = await RunAsync(() => _connection.QuerySingleOrDefaultAsync<AlertGroupRow>(
            new CommandDefinition(sql, parameters, _transaction, cancellationToken: cancellationToken)));
        return row?.ToLink();
    }

    private async Task<PagerDutyLink?> PagerDutyAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var row = await RunAsync(() => _connection.QuerySingleOrDefaultAsync<PagerDutyLinkRow>(
            new CommandDefinition(sql, parameters, _transaction, cancellationToken: cancellationToken)));
        return row is null ? null : new PagerDutyLink(new IncidentId(row.IncidentNumber), row.PagerDutyId, row.Url, Instants.FromMs(row.LinkedAt));
    }
}

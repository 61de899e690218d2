using System.Data.Common;
using Dapper;
using IncidentBot.Core.Dashboard;
using IncidentBot.Storage.Database;

namespace IncidentBot.Storage.Dashboard;

/// <summary>The dashboard's reads over the same tables the store writes; each on a pooled connection of its own.</summary>
internal sealed class SqlDashboardQueries(StorageDatabase database) : IDashboardQueries
{
    public Task<IncidentListPage> ListAsync(IncidentFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var pageSize = Math.Clamp(filter.PageSize, 1, IncidentFilter.MaxPageSize);
        var parameters = new DynamicParameters();
        var where = DashboardSql.Filter(filter, parameters);
        return ReadAsync(async c =>
        {
            var total = await c.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT COUNT(*) FROM incidents i WHERE {where}", parameters, cancellationToken: cancellationToken));
            var pages = Math.Max(1, (int)((total + pageSize - 1) / pageSize));
            var page = Math.Clamp(filter.Page, 1, pages);
            parameters.Add("Limit", pageSize);
            parameters.Add("Offset", (long)(page - 1) * pageSize);
            var rows = await c.QueryAsync<ListRow>(new CommandDefinition(
                $"SELECT {DashboardSql.ListColumns} FROM incidents i WHERE {where} ORDER BY {DashboardSql.OpenFirst} LIMIT @Limit OFFSET @Offset",
                parameters,
                cancellationToken: cancellationToken));
            return new IncidentListPage([.. rows.Select(r => r.ToRow())], (int)total, page, pageSize);
        }, cancellationToken);
    }

    public Task<InsightsInput> InsightsAsync(WorkspaceScope scope, DateTimeOffset from, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var parameters = new DynamicParameters();
        var where = $"{DashboardSql.Scope(scope, parameters)} AND i.declared_at >= @From";
        parameters.Add("From", Instants.ToMs(from));
        var kinds = SqlIn.List("Kind", InsightsInput.Kinds.Select(k => k.ToString()).ToList(), parameters);
        return ReadAsync(async c =>
        {
            var incidents = await c.QueryAsync<InsightIncidentRow>(new CommandDefinition(
                $"SELECT {InsightIncidentRow.Columns} FROM incidents i WHERE {where} ORDER BY i.number", parameters, cancellationToken: cancellationToken));

            // No ORDER BY: sorting tens of thousands of rows in the database costs more than ordering each incident's
            // handful of entries here.
            var entries = await c.QueryAsync<InsightEntryRow>(new CommandDefinition(
                $"""
                SELECT {InsightEntryRow.Columns} FROM incidents i JOIN timeline_entries t ON t.incident_number = i.number
                WHERE {where} AND t.kind IN {kinds} AND t.is_deleted = 0
                """,
                parameters,
                cancellationToken: cancellationToken));
            var timelines = entries
                .Select(e => e.ToEntry())
                .OrderBy(e => e.IncidentId.Number).ThenBy(e => e.At).ThenBy(e => e.Id)
                .ToLookup(e => e.IncidentId);
            return new InsightsInput([.. incidents.Select(i => i.ToIncident())], timelines);
        }, cancellationToken);
    }

    private async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await database.RunAsync(() => read(connection));
    }
}

using System.Data.Common;
using Dapper;
using IncidentBot.Core.Dashboard;
using IncidentBot.Storage.Database;
using IncidentBot.Storage.Incidents;

namespace IncidentBot.Storage.Dashboard;

/// <summary>The dashboard's reads over the same tables the store writes; each on a pooled connection of its own.</summary>
internal sealed class SqlDashboardQueries(StorageDatabase database) : IDashboardQueries
{
    private const string TimelineColumns = """
        t.id AS Id, t.incident_number AS IncidentNumber, t.at AS At, t.kind AS Kind, t.author_id AS AuthorId,
        t.author_name AS AuthorName, t.text AS Text, t.source_message_id AS SourceMessageId, t.detail AS Detail,
        t.is_key AS IsKey, t.is_deleted AS IsDeleted
        """;

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
        parameters.Add("Kinds", InsightsInput.Kinds.Select(k => k.ToString()).ToArray());
        return ReadAsync(async c =>
        {
            var incidents = await IncidentSql.QueryAsync(c, null, where, IncidentSql.NewestFirst, parameters, cancellationToken);
            var entries = await c.QueryAsync<TimelineRow>(new CommandDefinition(
                $"""
                SELECT {TimelineColumns} FROM timeline_entries t JOIN incidents i ON i.number = t.incident_number
                WHERE {where} AND t.kind IN @Kinds AND t.is_deleted = 0 ORDER BY t.incident_number, t.at, t.id
                """,
                parameters,
                cancellationToken: cancellationToken));
            return new InsightsInput(incidents, entries.Select(e => e.ToEntry([])).ToLookup(e => e.IncidentId));
        }, cancellationToken);
    }

    private async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await database.RunAsync(() => read(connection));
    }
}

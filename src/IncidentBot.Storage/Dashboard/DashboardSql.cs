using System.Globalization;
using System.Text;
using Dapper;
using IncidentBot.Core.Dashboard;
using IncidentBot.Storage.Database;

namespace IncidentBot.Storage.Dashboard;

/// <summary>
/// The dashboard's WHERE clauses, built only from constant fragments of this class with every value a parameter.
/// Portable SQL (SQLite and PostgreSQL): LOWER + LIKE with an explicit ESCAPE rather than ILIKE or COLLATE NOCASE.
/// </summary>
internal static class DashboardSql
{
    public const string ListColumns = """
        i.number AS Number, i.platform AS Platform, i.workspace_id AS WorkspaceId, i.channel_id AS ChannelId,
        i.thread_id AS ThreadId, i.title AS Title, i.severity AS Severity, i.status AS Status,
        i.commander_name AS CommanderName, i.declared_at AS DeclaredAt, i.acknowledged_at AS AcknowledgedAt,
        i.resolved_at AS ResolvedAt
        """;

    /// <summary>Open first (anything not Closed), then newest; the number breaks ties within one millisecond.</summary>
    public const string OpenFirst = "CASE WHEN i.status = 'Closed' THEN 1 ELSE 0 END, i.declared_at DESC, i.number DESC";

    /// <summary>The clause limiting rows to the scope's workspaces (true for every workspace).</summary>
    public static string Scope(WorkspaceScope scope, DynamicParameters parameters)
    {
        if (scope.Only is not { } only)
        {
            return "1 = 1";
        }

        if (only.Count == 0)
        {
            return "1 = 0";
        }

        var clause = new StringBuilder("(");
        var n = 0;
        foreach (var workspace in only.OrderBy(w => w.ToString(), StringComparer.Ordinal))
        {
            var p = n.ToString(CultureInfo.InvariantCulture);
            clause.Append(n == 0 ? string.Empty : " OR ").Append(CultureInfo.InvariantCulture, $"(i.platform = @ScopePlatform{p} AND i.workspace_id = @ScopeWorkspace{p})");
            parameters.Add("ScopePlatform" + p, workspace.Platform.ToString());
            parameters.Add("ScopeWorkspace" + p, workspace.Id);
            n++;
        }

        return clause.Append(')').ToString();
    }

    public static string Filter(IncidentFilter filter, DynamicParameters parameters)
    {
        var clauses = new List<string> { Scope(filter.Scope, parameters) };
        if (filter.Statuses.Count > 0)
        {
            clauses.Add("i.status IN " + SqlIn.List("Status", filter.Statuses.Select(s => s.ToString()).ToList(), parameters));
        }

        if (filter.Severity is { } severity)
        {
            clauses.Add("i.severity = @Severity");
            parameters.Add("Severity", (long)severity);
        }

        if (filter.Platform is { } platform)
        {
            clauses.Add("i.platform = @Platform");
            parameters.Add("Platform", platform.ToString());
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            var byId = Core.Incidents.IncidentId.TryParse(text, out var id) ? " OR i.number = @Number" : string.Empty;
            clauses.Add($"(LOWER(i.title) LIKE @Text ESCAPE '\\' OR LOWER(i.commander_name) LIKE @Text ESCAPE '\\'{byId})");
            parameters.Add("Text", "%" + Escape(text.ToLowerInvariant()) + "%");
            if (byId.Length > 0)
            {
                parameters.Add("Number", id.Number);
            }
        }

        return string.Join(" AND ", clauses);
    }

    /// <summary>A LIKE pattern matches the person's text literally: <c>%</c>, <c>_</c> and the escape itself are escaped.</summary>
    private static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal);
}

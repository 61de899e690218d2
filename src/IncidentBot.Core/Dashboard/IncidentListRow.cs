using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Dashboard;

/// <summary>One row of the incidents page: only the columns it shows, so a page of 10,000 incidents reads little.</summary>
public sealed record IncidentListRow(
    IncidentId Id,
    WorkspaceId Workspace,
    string ChannelId,
    string? ThreadId,
    string Title,
    Severity Severity,
    IncidentStatus Status,
    string Commander,
    DateTimeOffset DeclaredAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ResolvedAt)
{
    public string Label => $"[{Severity.Label()}] {Title}";

    public TimeSpan? TimeToAcknowledge => AcknowledgedAt - DeclaredAt;
}

/// <summary>A page of rows and how many incidents match in all.</summary>
public sealed record IncidentListPage(IReadOnlyList<IncidentListRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

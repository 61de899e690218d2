namespace IncidentBot.Core.Dashboard;

/// <summary>
/// The dashboard's read side (DESIGN.md §10). Read-only and never on the write path (§7): every query runs on a
/// connection of its own and only within the workspaces of <see cref="WorkspaceScope"/>.
/// </summary>
public interface IDashboardQueries
{
    /// <summary>One page of incidents, open first, then newest first.</summary>
    Task<IncidentListPage> ListAsync(IncidentFilter filter, CancellationToken cancellationToken);

    /// <summary>The incidents declared at or after <paramref name="from"/>, with the timeline entries the response metrics read.</summary>
    Task<InsightsInput> InsightsAsync(WorkspaceScope scope, DateTimeOffset from, CancellationToken cancellationToken);
}

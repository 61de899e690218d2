using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Dashboard;

/// <summary>The workspaces a person may see: every workspace of the deployment, or exactly the listed ones.</summary>
public sealed record WorkspaceScope
{
    private WorkspaceScope(IReadOnlySet<WorkspaceId>? only) => Only = only;

    public static WorkspaceScope All { get; } = new((IReadOnlySet<WorkspaceId>?)null);

    /// <summary>Null for every workspace; otherwise the only ones visible (possibly none).</summary>
    public IReadOnlySet<WorkspaceId>? Only { get; }

    public static WorkspaceScope Of(IEnumerable<WorkspaceId> workspaces) => new(workspaces.ToHashSet());

    public bool Allows(WorkspaceId workspace) => Only is null || Only.Contains(workspace);
}

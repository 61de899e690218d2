using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Alerts;

/// <summary>
/// The workspace a platform adapter serves when it serves one (the Slack team from <c>auth.test</c>, the configured
/// Discord guild): where alerts' incidents go unless <c>Alerts__Workspace</c> says otherwise. Null while unknown.
/// </summary>
public interface IPlatformWorkspace
{
    Platform Platform { get; }

    string? WorkspaceId { get; }
}

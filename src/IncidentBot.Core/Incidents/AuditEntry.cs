namespace IncidentBot.Core.Incidents;

/// <summary>Who did what, for the audit trail; written in the same transaction as the change.</summary>
public sealed record AuditEntry(
    WorkspaceId Workspace,
    IncidentId? IncidentId,
    DateTimeOffset At,
    string ActorId,
    string Action,
    string Detail);

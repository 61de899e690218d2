namespace IncidentBot.Core.Incidents;

/// <summary>The lifecycle of DESIGN.md §1: Investigating → Identified → Monitoring → Resolved → Closed.</summary>
public enum IncidentStatus
{
    Investigating,
    Identified,
    Monitoring,
    Resolved,
    Closed,
}

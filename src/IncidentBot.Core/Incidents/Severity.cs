namespace IncidentBot.Core.Incidents;

/// <summary>Incident severity, as in the runbook's table (DESIGN.md §1).</summary>
public enum Severity
{
    Sev1 = 1,
    Sev2 = 2,
    Sev3 = 3,
}

namespace IncidentBot.Core.Reminders;

/// <summary>The four clocks of DESIGN.md §2.</summary>
public enum ReminderKind
{
    Acknowledge,
    Update,
    MonitoringWindow,
    Postmortem,
}

namespace IncidentBot.Core.Incidents;

/// <summary>What a timeline entry records.</summary>
public enum TimelineKind
{
    Declared,
    Message,
    Update,
    StatusChanged,
    SeverityChanged,
    CommanderChanged,
    Acknowledged,
    ImpactSet,
    SummarySet,
    Note,
    ActionAdded,
    Reminder,
    PostmortemGenerated,
    PostmortemDone,

    /// <summary>When the problem was first detected: the alert's start or the page's trigger (DESIGN.md §9).</summary>
    Detected,

    /// <summary>An alert of the incident's group fired or resolved.</summary>
    Alert,

    /// <summary>Something the linked PagerDuty incident reported or was linked by.</summary>
    Page,
}

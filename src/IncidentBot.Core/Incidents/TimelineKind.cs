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
}

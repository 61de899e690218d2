namespace IncidentBot.Core.Reminders;

/// <summary>One clock of one incident and when it next fires.</summary>
public sealed record DueClock(ReminderKind Kind, DateTimeOffset DueAt);

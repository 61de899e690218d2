using IncidentBot.Core.Reminders;

namespace IncidentBot.Core.Postmortems;

/// <summary>How many reminders of one kind the bot sent.</summary>
internal sealed record ReminderCount(ReminderKind Kind, int Count);

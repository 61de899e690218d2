namespace IncidentBot.Storage.Incidents;

/// <summary>
/// The reminder loop's two questions. Both are answered from <c>ix_incidents_next_reminder_at</c> alone
/// (the number is SQLite's rowid, carried by every index), so they stay cheap however many incidents exist.
/// </summary>
internal static class ReminderSql
{
    public const string Earliest =
        "SELECT next_reminder_at FROM incidents WHERE next_reminder_at IS NOT NULL ORDER BY next_reminder_at LIMIT 1";

    public const string Due =
        "SELECT number FROM incidents WHERE next_reminder_at <= @Now ORDER BY next_reminder_at, number LIMIT @Limit";
}

using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Postmortems;

/// <summary>
/// Reads the status-change timeline entry the use cases write: <c>Status: A → B</c>, then <c> — text</c> when
/// the person gave one (IncidentService.MoveAsync). A change with text counts as a status update (DESIGN.md §2,
/// "Updates and reminders"); status names never contain the separator, so the first one splits.
/// </summary>
internal static class StatusChangeText
{
    private const string Separator = " — ";

    public static (string Change, string? Text) Split(string entryText)
    {
        var at = entryText.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? (entryText, null) : (entryText[..at], entryText[(at + Separator.Length)..]);
    }

    /// <summary>An update restarts the update clock: <c>update</c>, or a status change that carried text.</summary>
    public static bool IsUpdate(TimelineEntry entry) =>
        entry.Kind == TimelineKind.Update
        || (entry.Kind == TimelineKind.StatusChanged && Split(entry.Text).Text is not null);
}

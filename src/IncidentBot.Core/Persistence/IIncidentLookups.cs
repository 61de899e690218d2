using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Persistence;

/// <summary>
/// The lookups a decision makes. Opened on their own (<see cref="IIncidentStore.OpenLookupsAsync"/>) they see committed
/// state and never take the write path; a unit of work offers them too, and sees its own writes. Lookups take the
/// workspace: an incident of another workspace is not found.
/// </summary>
public interface IIncidentLookups : IAsyncDisposable
{
    /// <summary>Whether an inbound key was recorded (a delivery seen and accepted before).</summary>
    Task<bool> IsInboundRecordedAsync(WorkspaceId workspace, string key, CancellationToken cancellationToken);

    Task<Incident?> GetAsync(WorkspaceId workspace, IncidentId id, CancellationToken cancellationToken);

    /// <summary>An incident by id across workspaces: for the reminder loop, which acts for no workspace.</summary>
    Task<Incident?> GetForReminderAsync(IncidentId id, CancellationToken cancellationToken);

    /// <summary>
    /// The incident whose thread this is. On both platforms a thread hangs off the root message and has its id (the
    /// Slack root's <c>ts</c>, the Discord starter message's id), so before the thread id is stored the root message
    /// id answers too: a reply in the moments between the root post and saving the thread is not lost.
    /// </summary>
    Task<Incident?> FindByThreadAsync(WorkspaceId workspace, string threadId, CancellationToken cancellationToken);

    Task<Incident?> FindByRootMessageAsync(WorkspaceId workspace, string rootMessageId, CancellationToken cancellationToken);

    /// <summary>Open incidents of a workspace, optionally only those whose root is in <paramref name="channelId"/>.</summary>
    Task<IReadOnlyList<Incident>> ListOpenAsync(WorkspaceId workspace, string? channelId, CancellationToken cancellationToken);

    /// <summary>The timeline entry recorded from a platform message, within the workspace.</summary>
    Task<TimelineEntry?> FindTimelineBySourceAsync(WorkspaceId workspace, string sourceMessageId, CancellationToken cancellationToken);

    Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(IncidentId id, CancellationToken cancellationToken);

    /// <summary>
    /// The newest <paramref name="count"/> entries that are not deleted (without reminders unless
    /// <paramref name="withReminders"/>), oldest first. Its cost does not grow with the timeline: the status doc and
    /// the <c>timeline</c> reply show only the last few.
    /// </summary>
    Task<IReadOnlyList<TimelineEntry>> GetTimelineTailAsync(IncidentId id, int count, bool withReminders, CancellationToken cancellationToken);

    /// <summary>How many entries of the timeline are not deleted.</summary>
    Task<int> CountTimelineAsync(IncidentId id, CancellationToken cancellationToken);

    Task<IReadOnlyList<ActionItem>> GetActionItemsAsync(IncidentId id, CancellationToken cancellationToken);
}

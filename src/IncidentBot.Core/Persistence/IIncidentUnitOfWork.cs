using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Core.Persistence;

/// <summary>
/// One transaction. Everything written through it commits together in <see cref="CommitAsync"/>, or not at all
/// when it is disposed uncommitted. Lookups take the workspace: an incident of another workspace is not found.
/// </summary>
public interface IIncidentUnitOfWork : IAsyncDisposable
{
    /// <summary>Records an inbound key; false when it was already recorded (a duplicate delivery).</summary>
    Task<bool> TryRecordInboundAsync(WorkspaceId workspace, string key, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IncidentId> NextIncidentIdAsync(CancellationToken cancellationToken);

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

    /// <summary>Inserts or updates the incident with its responders and planned reminder time.</summary>
    Task SaveAsync(Incident incident, CancellationToken cancellationToken);

    Task<long> AddTimelineAsync(TimelineEntry entry, CancellationToken cancellationToken);

    /// <summary>The timeline entry recorded from a platform message, within the workspace.</summary>
    Task<TimelineEntry?> FindTimelineBySourceAsync(WorkspaceId workspace, string sourceMessageId, CancellationToken cancellationToken);

    /// <summary>Updates text, key flag, deleted flag and revisions of an existing entry.</summary>
    Task UpdateTimelineAsync(TimelineEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(IncidentId id, CancellationToken cancellationToken);

    Task<long> AddActionItemAsync(ActionItem item, CancellationToken cancellationToken);

    Task<IReadOnlyList<ActionItem>> GetActionItemsAsync(IncidentId id, CancellationToken cancellationToken);

    Task AddAuditAsync(AuditEntry entry, CancellationToken cancellationToken);

    Task EnqueueAsync(IncidentId id, OutboundIntent intent, DateTimeOffset at, CancellationToken cancellationToken);

    Task SavePostmortemAsync(IncidentId id, string markdown, DateTimeOffset at, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}

using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;

namespace IncidentBot.Core.Alerts;

/// <summary>A unit of work that adds the PagerDuty intents of each saved change (see <see cref="PagerDutySyncStore"/>).</summary>
internal sealed class PagerDutySyncUnitOfWork(IAlertUnitOfWork inner, TimeProvider time) : IIncidentUnitOfWork
{
    public async Task SaveAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var link = await inner.GetPagerDutyLinkAsync(incident.Id, cancellationToken);
        var before = link is null ? null : await inner.GetForReminderAsync(incident.Id, cancellationToken);
        await inner.SaveAsync(incident, cancellationToken);
        if (link is null || before is null)
        {
            return;
        }

        foreach (var intent in PagerDutySync.Changes(before, incident, link))
        {
            await inner.EnqueueAsync(incident.Id, intent, time.GetUtcNow(), cancellationToken);
        }
    }

    public Task<bool> TryRecordInboundAsync(WorkspaceId workspace, string key, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.TryRecordInboundAsync(workspace, key, at, cancellationToken);

    public Task<IncidentId> NextIncidentIdAsync(CancellationToken cancellationToken) => inner.NextIncidentIdAsync(cancellationToken);

    public Task<Incident?> GetAsync(WorkspaceId workspace, IncidentId id, CancellationToken cancellationToken) =>
        inner.GetAsync(workspace, id, cancellationToken);

    public Task<Incident?> GetForReminderAsync(IncidentId id, CancellationToken cancellationToken) => inner.GetForReminderAsync(id, cancellationToken);

    public Task<Incident?> FindByThreadAsync(WorkspaceId workspace, string threadId, CancellationToken cancellationToken) =>
        inner.FindByThreadAsync(workspace, threadId, cancellationToken);

    public Task<Incident?> FindByRootMessageAsync(WorkspaceId workspace, string rootMessageId, CancellationToken cancellationToken) =>
        inner.FindByRootMessageAsync(workspace, rootMessageId, cancellationToken);

    public Task<IReadOnlyList<Incident>> ListOpenAsync(WorkspaceId workspace, string? channelId, CancellationToken cancellationToken) =>
        inner.ListOpenAsync(workspace, channelId, cancellationToken);

    public Task<long> AddTimelineAsync(TimelineEntry entry, CancellationToken cancellationToken) => inner.AddTimelineAsync(entry, cancellationToken);

    public Task<TimelineEntry?> FindTimelineBySourceAsync(WorkspaceId workspace, string sourceMessageId, CancellationToken cancellationToken) =>
        inner.FindTimelineBySourceAsync(workspace, sourceMessageId, cancellationToken);

    public Task UpdateTimelineAsync(TimelineEntry entry, CancellationToken cancellationToken) => inner.UpdateTimelineAsync(entry, cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(IncidentId id, CancellationToken cancellationToken) =>
        inner.GetTimelineAsync(id, cancellationToken);

    public Task<long> AddActionItemAsync(ActionItem item, CancellationToken cancellationToken) => inner.AddActionItemAsync(item, cancellationToken);

    public Task<IReadOnlyList<ActionItem>> GetActionItemsAsync(IncidentId id, CancellationToken cancellationToken) =>
        inner.GetActionItemsAsync(id, cancellationToken);

    public Task AddAuditAsync(AuditEntry entry, CancellationToken cancellationToken) => inner.AddAuditAsync(entry, cancellationToken);

    public Task EnqueueAsync(IncidentId id, OutboundIntent intent, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.EnqueueAsync(id, intent, at, cancellationToken);

    public Task SavePostmortemAsync(IncidentId id, string markdown, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.SavePostmortemAsync(id, markdown, at, cancellationToken);

    public Task CommitAsync(CancellationToken cancellationToken) => inner.CommitAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}

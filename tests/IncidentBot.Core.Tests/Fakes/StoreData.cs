using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Tests.Fakes;

/// <summary>
/// Everything the fake store holds. A transaction works on its own copy and the store swaps it in on commit,
/// so uncommitted changes are invisible to everyone else and vanish when the transaction is disposed.
/// The rows are immutable records, so copying the collections is a full copy.
/// </summary>
internal sealed class StoreData
{
    public Dictionary<IncidentId, Incident> Incidents { get; private init; } = [];

    public List<TimelineEntry> Timeline { get; private init; } = [];

    public List<ActionItem> ActionItems { get; private init; } = [];

    public List<AuditEntry> Audit { get; private init; } = [];

    public List<OutboxRow> Outbox { get; private init; } = [];

    public HashSet<(WorkspaceId Workspace, string Key)> InboundKeys { get; private init; } = [];

    public Dictionary<IncidentId, string> Postmortems { get; private init; } = [];

    public long LastIncidentNumber { get; set; }

    public long LastTimelineId { get; set; }

    public long LastActionItemId { get; set; }

    public long LastOutboxId { get; set; }

    public StoreData Copy() => new()
    {
        Incidents = new(Incidents),
        Timeline = [.. Timeline],
        ActionItems = [.. ActionItems],
        Audit = [.. Audit],
        Outbox = [.. Outbox],
        InboundKeys = [.. InboundKeys],
        Postmortems = new(Postmortems),
        LastIncidentNumber = LastIncidentNumber,
        LastTimelineId = LastTimelineId,
        LastActionItemId = LastActionItemId,
        LastOutboxId = LastOutboxId,
    };

    public Incident? Incident(IncidentId id) => Incidents.GetValueOrDefault(id);

    public Incident? InWorkspace(WorkspaceId workspace, IncidentId id) =>
        Incidents.TryGetValue(id, out var incident) && incident.Workspace == workspace ? incident : null;

    public IReadOnlyList<TimelineEntry> TimelineOf(IncidentId id) =>
        [.. Timeline.Where(e => e.IncidentId == id).OrderBy(e => e.Id)];

    public IReadOnlyList<TimelineEntry> TailOf(IncidentId id, int count, bool withReminders)
    {
        var matching = Timeline
            .Where(e => e.IncidentId == id && !e.Deleted && (withReminders || e.Kind != TimelineKind.Reminder))
            .OrderBy(e => e.At)
            .ThenBy(e => e.Id)
            .ToList();
        return [.. matching.Skip(Math.Max(0, matching.Count - count))];
    }

    public int CountOf(IncidentId id) => Timeline.Count(e => e.IncidentId == id && !e.Deleted);

    public IReadOnlyList<ActionItem> ActionItemsOf(IncidentId id) =>
        [.. ActionItems.Where(a => a.IncidentId == id).OrderBy(a => a.Id)];
}

using System.Collections.Concurrent;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Storage.Incidents;

/// <summary>
/// The incidents as last committed, for the lookups off the write path (the rehearsal every command and thread
/// message goes through first, DESIGN.md §7), so that a burst of inputs for one incident reads it once per commit
/// instead of once per input. Only where one process writes the database (SQLite, <see
/// cref="Database.SqlDialect.OneProcess"/>): every write to an incident goes through this process, which marks the
/// incident changed once the write has committed (and before its write turn ends, so the next unit of work never
/// sees an older copy). A copy is served only if no change was marked since its read began; one marked while a
/// read was under way makes that read's copy stale at once. The writer decides again on the database itself, so a
/// copy a commit old at worst can change no answer but a rehearsal's.
/// </summary>
internal sealed class CommittedIncidents
{
    /// <summary>Bounds the memory: more incidents than this read off the write path start the copies afresh.</summary>
    private const int MaxKept = 1024;

    private readonly ConcurrentDictionary<long, Kept> _kept = new();
    private readonly ConcurrentDictionary<long, long> _changes = new();
    private readonly ConcurrentDictionary<(WorkspaceId Workspace, string? ChannelId), KeptOpen> _open = new();
    private long _allChanges;

    /// <summary>
    /// The change count of all incidents now: taken before the open incidents are listed, handed to
    /// <see cref="KeepOpen"/> after. Any change can open, close or move an incident, so any change ends every list.
    /// </summary>
    public long AllChanges => Interlocked.Read(ref _allChanges);

    /// <summary>The incident's change count now: taken before a read, handed to <see cref="Keep"/> after it.</summary>
    public long ChangesOf(IncidentId id) => _changes.TryGetValue(id.Number, out var count) ? count : 0;

    public bool TryGet(IncidentId id, out Incident incident)
    {
        if (_kept.TryGetValue(id.Number, out var kept) && kept.Changes == ChangesOf(id))
        {
            incident = kept.Incident;
            return true;
        }

        incident = null!;
        return false;
    }

    /// <summary>Keeps what a read that began at change count <paramref name="changes"/> found.</summary>
    public void Keep(Incident incident, long changes)
    {
        if (_kept.Count >= MaxKept)
        {
            _kept.Clear();
        }

        _kept[incident.Id.Number] = new Kept(incident, changes);
    }

    /// <summary>The open incidents of a workspace (of one of its channels, if given), as listed last.</summary>
    public bool TryGetOpen(WorkspaceId workspace, string? channelId, out IReadOnlyList<Incident> open)
    {
        if (_open.TryGetValue((workspace, channelId), out var kept) && kept.AllChanges == AllChanges)
        {
            open = kept.Incidents;
            return true;
        }

        open = null!;
        return false;
    }

    /// <summary>Keeps what a listing that began at <paramref name="allChanges"/> (see <see cref="AllChanges"/>) found.</summary>
    public void KeepOpen(WorkspaceId workspace, string? channelId, IReadOnlyList<Incident> open, long allChanges)
    {
        if (_open.Count >= MaxKept)
        {
            _open.Clear();
        }

        _open[(workspace, channelId)] = new KeptOpen(open, allChanges);
    }

    /// <summary>A write to the incident committed (or may have): no copy read before now is served again.</summary>
    public void Changed(long number)
    {
        _changes.AddOrUpdate(number, 1, (_, count) => count + 1);
        Interlocked.Increment(ref _allChanges);
        _kept.TryRemove(number, out _);
    }

    private sealed record Kept(Incident Incident, long Changes);

    private sealed record KeptOpen(IReadOnlyList<Incident> Incidents, long AllChanges);
}

using System.Collections.Concurrent;
using System.Threading.Channels;
using IncidentBot.Core.Incidents;
using IncidentBot.Hosting;

namespace IncidentBot.Dashboard.Live;

/// <summary>
/// One in-process broadcast of "this incident changed", fed where the host learns of committed changes. Each
/// open page holds a one-slot channel: a burst of changes wakes it once, and a change costs a write per page
/// watching that incident, never a database poll per page.
/// </summary>
internal sealed class IncidentChanges : IIncidentChangeObserver
{
    private readonly ConcurrentDictionary<IncidentId, ConcurrentDictionary<Channel<long>, byte>> _watchers = new();
    private readonly ConcurrentDictionary<IncidentId, long> _versions = new();
    private long _sequence;

    /// <summary>Pages currently watching, over all incidents (for the health page).</summary>
    public int Watchers => _watchers.Values.Sum(w => w.Count);

    /// <summary>The sequence number of the incident's last change (0: none since start-up).</summary>
    public long VersionOf(IncidentId id) => _versions.TryGetValue(id, out var v) ? v : 0;

    /// <summary>The sequence number now: a page rendered now has seen every change up to it.</summary>
    public long Current => Interlocked.Read(ref _sequence);

    public void Changed(IncidentId id) => Publish(id);

    public void Publish(IncidentId id)
    {
        var version = Interlocked.Increment(ref _sequence);
        _versions[id] = version;
        if (_watchers.TryGetValue(id, out var watchers))
        {
            foreach (var channel in watchers.Keys)
            {
                channel.Writer.TryWrite(version);
            }
        }
    }

    /// <summary>A subscription; dispose it when the page goes away.</summary>
    public Subscription Watch(IncidentId id)
    {
        var channel = Channel.CreateBounded<long>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _watchers.GetOrAdd(id, _ => new ConcurrentDictionary<Channel<long>, byte>())[channel] = 0;
        return new Subscription(this, id, channel);
    }

    private void Remove(IncidentId id, Channel<long> channel)
    {
        if (_watchers.TryGetValue(id, out var watchers))
        {
            watchers.TryRemove(channel, out _);
        }
    }

    internal sealed class Subscription(IncidentChanges owner, IncidentId id, Channel<long> channel) : IDisposable
    {
        public ChannelReader<long> Changes => channel.Reader;

        public void Dispose() => owner.Remove(id, channel);
    }
}

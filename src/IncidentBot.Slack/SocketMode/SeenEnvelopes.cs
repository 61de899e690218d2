namespace IncidentBot.Slack.SocketMode;

/// <summary>
/// The most recent envelope ids, so an envelope Slack sends again (it re-sends what it thinks was not
/// acknowledged) is acknowledged but not processed twice. Bounded: the store's natural keys are the durable guard.
/// </summary>
internal sealed class SeenEnvelopes(int capacity)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    public bool Contains(string id)
    {
        lock (_lock)
        {
            return _ids.Contains(id);
        }
    }

    public void Add(string id)
    {
        lock (_lock)
        {
            if (!_ids.Add(id))
            {
                return;
            }

            _order.Enqueue(id);
            if (_order.Count > capacity)
            {
                _ids.Remove(_order.Dequeue());
            }
        }
    }
}

using System.Collections.Concurrent;

namespace IncidentBot.Slack.Background;

/// <summary>
/// Display names by user id, filled in the background by <c>users.info</c> (never on the request path). Until a
/// name is known the caller's fallback (the payload's user name, else the id) is used.
/// </summary>
internal sealed class SlackUserDirectory(SlackBackgroundQueue queue)
{
    /// <summary>A workspace's active responders fit many times over; past this the cache starts afresh.</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _requested = new(StringComparer.Ordinal);

    public string Name(string userId, string? fallback = null)
    {
        if (_names.TryGetValue(userId, out var name))
        {
            return name;
        }

        if (_requested.Count >= MaxEntries)
        {
            _requested.Clear();
        }

        if (_requested.TryAdd(userId, 0))
        {
            queue.Enqueue(new LookUpUser(userId));
        }

        return string.IsNullOrWhiteSpace(fallback) ? userId : fallback;
    }

    public void Store(string userId, string name)
    {
        if (_names.Count >= MaxEntries)
        {
            _names.Clear();
        }

        _names[userId] = name;
    }

    /// <summary>Lets a failed look-up be tried again the next time the user appears.</summary>
    public void Forget(string userId) => _requested.TryRemove(userId, out _);
}

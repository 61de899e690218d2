namespace IncidentBot.Discord.Gateway;

/// <summary>
/// Discord disconnects a connection that sends more than 120 events per 60 s
/// (https://docs.discord.com/developers/events/gateway#rate-limiting); 3 of them are kept for heartbeats so a
/// burst of other sends can never starve the beat that keeps the connection alive. One per connection.
/// </summary>
internal sealed class GatewaySendLimiter(TimeProvider time)
{
    public const int Limit = 120;

    public const int ReservedForHeartbeats = 3;

    public static TimeSpan Window => TimeSpan.FromSeconds(60);

    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly Lock _lock = new();

    /// <summary>Takes a send slot, or returns how long until one frees up.</summary>
    public TimeSpan TryAcquire(bool heartbeat)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            while (_sent.Count > 0 && _sent.Peek() <= now - Window)
            {
                _sent.Dequeue();
            }

            var capacity = heartbeat ? Limit : Limit - ReservedForHeartbeats;
            if (_sent.Count < capacity)
            {
                _sent.Enqueue(now);
                return TimeSpan.Zero;
            }

            // The slot that frees first is the (count - capacity + 1)-th oldest.
            return _sent.ElementAt(_sent.Count - capacity) + Window - now;
        }
    }

    public async Task AcquireAsync(bool heartbeat, CancellationToken cancellationToken)
    {
        while (TryAcquire(heartbeat) is var wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}

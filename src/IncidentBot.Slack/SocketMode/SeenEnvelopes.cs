using IncidentBot.Slack.Wire;

namespace IncidentBot.Slack.SocketMode;

/// <summary>
/// The most recent envelope ids and their outcome (the reply to put in the ack), shared by every open connection:
/// during a hand-over Slack may deliver one envelope on the old and the new connection, and an envelope it thinks
/// was not acknowledged comes again. The first delivery processes it; any other waits for that outcome and
/// acknowledges with the same reply. Bounded: the store's natural keys are the durable guard.
/// </summary>
internal sealed class SeenEnvelopes(int capacity)
{
    private readonly Dictionary<string, TaskCompletionSource<SlackReply?>> _outcomes = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    /// <summary>
    /// Null when this delivery of <paramref name="id"/> is the first: the caller processes it and must call
    /// <see cref="Complete"/> or <see cref="Fail"/>. Otherwise the first delivery's outcome, to wait for.
    /// </summary>
    public Task<SlackReply?>? Claim(string id)
    {
        lock (_lock)
        {
            if (_outcomes.TryGetValue(id, out var existing))
            {
                return existing.Task;
            }

            _outcomes[id] = new TaskCompletionSource<SlackReply?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _order.Enqueue(id);
            while (_order.Count > capacity)
            {
                _outcomes.Remove(_order.Dequeue());
            }

            return null;
        }
    }

    public void Complete(string id, SlackReply? reply)
    {
        lock (_lock)
        {
            if (_outcomes.TryGetValue(id, out var outcome))
            {
                outcome.TrySetResult(reply);
            }
        }
    }

    /// <summary>Forgets <paramref name="id"/>, so that a later delivery is processed afresh; duplicates waiting now fail too (no ack).</summary>
    public void Fail(string id, Exception exception)
    {
        lock (_lock)
        {
            if (_outcomes.Remove(id, out var outcome))
            {
                outcome.TrySetException(exception);
            }
        }
    }
}

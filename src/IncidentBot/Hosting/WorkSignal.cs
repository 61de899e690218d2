using System.Threading.Channels;

namespace IncidentBot.Hosting;

/// <summary>
/// Wakes a background loop early: "something changed, look again". Signals coalesce, so a burst of changes
/// costs one wake-up. Waiting runs on the injected clock so tests drive it with a fake one.
/// </summary>
internal sealed class WorkSignal(TimeProvider time, TimeSpan? longestSleep = null, TimeSpan settle = default)
{
    /// <summary>The real clock always moves a little between two reads; a fake one jumps when a test advances it.</summary>
    private static readonly TimeSpan Jump = TimeSpan.FromMilliseconds(1);

    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private int _nudged;

    /// <summary>Wakes the loop now.</summary>
    public void Signal() => _channel.Writer.TryWrite(true);

    /// <summary>
    /// Wakes the loop within the settle time: every nudge until then joins one wake-up. Under load a group commit
    /// lands every few milliseconds, and a pass of the outbox or the reminder loop per commit cost a quarter of the
    /// hot path's throughput (issue 11); a few milliseconds are nothing to a person waiting for a thread post.
    /// </summary>
    public void Nudge()
    {
        if (settle <= TimeSpan.Zero)
        {
            Signal();
        }
        else if (Interlocked.Exchange(ref _nudged, 1) == 0)
        {
            _ = SignalAfterSettleAsync();
        }
    }

    /// <summary>
    /// Returns when signalled or when the clock reaches <paramref name="until"/> (null: only a signal), or after
    /// the longest sleep this signal allows, when it has one.
    /// </summary>
    public async Task WaitAsync(DateTimeOffset? until, CancellationToken cancellationToken)
    {
        if (longestSleep is { } longest && (until is null || until > time.GetUtcNow() + longest))
        {
            until = time.GetUtcNow() + longest;
        }

        while (true)
        {
            var before = time.GetUtcNow();
            if (until <= before || _channel.Reader.TryRead(out _))
            {
                return;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var signalled = _channel.Reader.WaitToReadAsync(stop.Token).AsTask();
            var timer = Task.Delay(until is { } at ? at - before : Timeout.InfiniteTimeSpan, time, stop.Token);

            // A fake clock may jump between reading "before" and arming the timer, which would then fire late by
            // the jump: re-arm when the clock jumped underneath us.
            var moved = time.GetUtcNow() - before > Jump;
            if (!moved)
            {
                await Task.WhenAny(signalled, timer);
            }

            // The loser of the race was cancelled: that is the normal way out, so it is awaited without a throw (an
            // exception per wake-up, with the outbox waking once per delivered message, was a few % of its CPU).
            await stop.CancelAsync();
            await Task.WhenAll(signalled, timer).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

            cancellationToken.ThrowIfCancellationRequested();
            if (!moved)
            {
                _channel.Reader.TryRead(out _);
                return;
            }
        }
    }

    private async Task SignalAfterSettleAsync()
    {
        await Task.Delay(settle, time);

        // Cleared before the wake-up, so a change committed after the loop looks is nudged anew.
        Volatile.Write(ref _nudged, 0);
        Signal();
    }
}

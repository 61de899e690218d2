using IncidentBot.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Tests.Hosting;

/// <summary>Issue 11: commits a few milliseconds apart wake a loop once; a direct signal never waits.</summary>
public sealed class WorkSignalTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Nudges_within_the_settle_time_wake_the_loop_once_when_it_is_over()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var signal = new WorkSignal(time, settle: Settle);
        signal.Nudge();
        signal.Nudge();
        var woken = signal.WaitAsync(null, Ct);

        time.Advance(Settle / 2);
        signal.Nudge();
        Assert.False(woken.IsCompleted);

        time.Advance(Settle / 2);
        await woken.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        // The three nudges were one wake-up: nothing is left to wake the next wait.
        var next = signal.WaitAsync(time.GetUtcNow().AddMinutes(1), Ct);
        Assert.False(next.IsCompleted);

        // A nudge after the wake-up is one of its own.
        signal.Nudge();
        time.Advance(Settle);
        await next.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero) + (2 * Settle), time.GetUtcNow());
    }

    [Fact]
    public async Task A_signal_wakes_at_once_and_without_a_settle_time_a_nudge_does_too()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var settled = new WorkSignal(time, settle: Settle);
        var woken = settled.WaitAsync(null, Ct);
        settled.Signal();
        await woken.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var immediate = new WorkSignal(time);
        var nudged = immediate.WaitAsync(null, Ct);
        immediate.Nudge();
        await nudged.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }
}

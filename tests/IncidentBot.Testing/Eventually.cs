using System.Diagnostics;

namespace IncidentBot.Testing;

/// <summary>
/// Polls for an outcome that background work (outbox, reminders, sockets) produces asynchronously. This is not a
/// sleep that waits for timing: it returns as soon as the condition holds and fails with a message when it never does.
/// </summary>
internal static class Eventually
{
    /// <summary>Generous: a pass returns at once; only a loaded 2-core CI machine ever needs the headroom.</summary>
    internal static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public static Task<T> GetAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? budget = null) => GetAsync(probe, () => what, budget);

    /// <summary>As the other overloads; <paramref name="what"/> is read at the failure, so it can show the state then.</summary>
    public static Task AssertAsync(Func<bool> condition, Func<string> what, TimeSpan? budget = null) =>
        GetAsync<object>(() => Task.FromResult<object?>(condition() ? true : null), what, budget);

    public static Task AssertAsync(Func<bool> condition, string what, TimeSpan? budget = null) =>
        GetAsync<object>(() => Task.FromResult<object?>(condition() ? true : null), what, budget);

    public static Task AssertAsync(Func<Task<bool>> condition, string what, TimeSpan? budget = null) =>
        GetAsync<object>(async () => await condition() ? true : null, () => what, budget);

    /// <summary>
    /// Probes until <paramref name="done"/> holds and returns that value; when it never does, the last value, so the
    /// caller's assertions say what was seen instead of "timed out".
    /// </summary>
    public static async Task<T> MatchAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        var clock = Stopwatch.StartNew();
        var last = await probe();
        while (!done(last) && clock.Elapsed < Budget)
        {
            await Task.Delay(Poll, TimeProvider.System, TestContext.Current.CancellationToken);
            last = await probe();
        }

        return last;
    }

    /// <summary>Lets in-flight work run for a moment, to show that something does NOT happen.</summary>
    public static Task QuietAsync(double milliseconds = 300) =>
        Task.Delay(TimeSpan.FromMilliseconds(milliseconds), TimeProvider.System, TestContext.Current.CancellationToken);

    private static async Task<T> GetAsync<T>(Func<Task<T?>> probe, Func<string> what, TimeSpan? budget)
    {
        var clock = Stopwatch.StartNew();
        var limit = budget ?? Budget;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (clock.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit.TotalSeconds:0.#} s waiting for {what()}.");
            }

            await Task.Delay(Poll, TimeProvider.System, TestContext.Current.CancellationToken);
        }
    }
}

namespace IncidentBot.Tests.Ops;

/// <summary>Polls for an outcome a background service produces, for up to five seconds of real time.</summary>
internal static class Eventually
{
    internal static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);
    internal static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(20);

    public static async Task<T> MatchAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        using var budget = new CancellationTokenSource(Budget);
        var last = await probe();
        while (!done(last))
        {
            if (budget.IsCancellationRequested)
            {
                return last;
            }

            await Task.Delay(Pause, TimeProvider.System, CancellationToken.None);
            last = await probe();
        }

        return last;
    }
}

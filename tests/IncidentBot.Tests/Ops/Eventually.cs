namespace IncidentBot.Tests.Ops;

/// <summary>Polls for an outcome a background service produces, for up to five seconds of real time.</summary>
internal static class Eventually
{
    private static readonly TimeSpan _budget = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan _pause = TimeSpan.FromMilliseconds(20);

    public static async Task<T> MatchAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        using var budget = new CancellationTokenSource(_budget);
        var last = await probe();
        while (!done(last))
        {
            if (budget.IsCancellationRequested)
            {
                return last;
            }

            await Task.Delay(_pause, TimeProvider.System, CancellationToken.None);
            last = await probe();
        }

        return last;
    }
}

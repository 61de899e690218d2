namespace IncidentBot.Slack.Tests.Infrastructure;

/// <summary>Waits, in real time, for something the code under test does on its own threads.</summary>
internal static class Poll
{
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = TimeProvider.System.GetUtcNow() + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, TestContext.Current.CancellationToken);
        }

        return true;
    }

    /// <summary>Advances a fake clock in small steps until the condition holds (for waits the code makes on that clock).</summary>
    public static async Task<bool> AdvancingUntilAsync(Microsoft.Extensions.Time.Testing.FakeTimeProvider time, TimeSpan step, Func<bool> condition, int maxSteps = 200)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            if (condition())
            {
                return true;
            }

            time.Advance(step);
            await Task.Delay(TimeSpan.FromMilliseconds(15), TimeProvider.System, TestContext.Current.CancellationToken);
        }

        return condition();
    }
}

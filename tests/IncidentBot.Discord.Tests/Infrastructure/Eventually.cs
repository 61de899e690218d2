namespace IncidentBot.Discord.Tests.Infrastructure;

/// <summary>Polls a condition with a real-time budget: the code under test runs on other threads and real sockets.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, double seconds = 10)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(seconds);
        while (!condition())
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                Assert.Fail($"Timed out waiting for: {what}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Lets in-flight work run for a moment, to show that something does NOT happen.</summary>
    public static Task QuietAsync(double milliseconds = 300) =>
        Task.Delay(TimeSpan.FromMilliseconds(milliseconds), TimeProvider.System, TestContext.Current.CancellationToken);
}

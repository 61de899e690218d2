using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Testing;

/// <summary>
/// Keeps a fake clock running while a test host is torn down. Polly's pipeline disposal waits for calls still in
/// flight by polling on the pipeline's <see cref="TimeProvider"/> (a 1 s delay, giving up after 30 s); on a fake
/// clock nobody advances any more that wait never ends, and one call left running by a finished or failed test
/// hangs the whole run. During teardown nothing is asserted, so time may as well pass.
/// </summary>
internal static class FakeClockTeardown
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(10);

    public static async Task RunAsync(FakeTimeProvider time, Func<Task> teardown)
    {
        using var done = new CancellationTokenSource();
        var pump = PumpAsync(time, done.Token);
        try
        {
            await teardown();
        }
        finally
        {
            await done.CancelAsync();
            await pump;
        }
    }

    private static async Task PumpAsync(FakeTimeProvider time, CancellationToken done)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Pause, TimeProvider.System, done);
                time.Advance(Step);
            }
        }
        catch (OperationCanceledException)
        {
            // Teardown finished.
        }
    }
}

using System.Diagnostics;

/// <summary>Waits for a bot started as a child process to answer <c>/readyz</c>. Shared by slack-load and replica-load.</summary>
internal static class Readiness
{
    public static async Task WaitAsync(HttpClient http, Process bot, TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < budget)
        {
            if (bot.HasExited)
            {
                throw new InvalidOperationException($"the bot exited with code {bot.ExitCode} before it was ready");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, CancellationToken.None);
        }

        throw new TimeoutException($"the bot did not become ready within {budget.TotalSeconds:0} s");
    }
}

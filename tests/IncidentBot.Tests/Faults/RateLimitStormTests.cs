using System.Net;
using IncidentBot.Testing.Fakes.Slack;

namespace IncidentBot.Tests.Faults;

/// <summary>
/// A 429 storm: every post and every status-doc edit refused for a while, each with <c>Retry-After</c>. The bot waits
/// out each refusal before calling that method again, loses nothing and repeats nothing.
/// </summary>
public sealed class RateLimitStormTests
{
    private const int RetryAfterSeconds = 1;

    [Fact]
    public async Task Every_message_gets_through_once_after_a_storm_of_429s_each_wait_honoured()
    {
        await using var rig = await FaultRig.StartAsync();
        await rig.DeclareAsync();
        await rig.DrainedAsync();

        // More refusals in a row than the client retries inside one call, so the outbox holds the messages too.
        foreach (var method in new[] { "chat.postMessage", "chat.update" })
        {
            rig.Slack.Fail(method, [.. Enumerable.Repeat(FakeSlackFault.RateLimited(RetryAfterSeconds), 6)]);
        }

        for (var n = 1; n <= 4; n++)
        {
            Assert.Equal(HttpStatusCode.OK, await rig.CommandAsync($"note INC-1 storm-{n}", $"trig-storm-{n}"));
        }

        await rig.DrainedAsync(TimeSpan.FromSeconds(90));

        for (var n = 1; n <= 4; n++)
        {
            Assert.True(1 == rig.ThreadPosts($"storm-{n}").Count, $"storm-{n} posted once\n{rig.Describe()}");
        }

        foreach (var method in new[] { "chat.postMessage", "chat.update" })
        {
            var attempts = rig.Slack.AttemptsOf(method);
            Assert.Equal(6, attempts.Count(c => c.Status == 429));
            foreach (var (refused, next) in attempts.Zip(attempts.Skip(1)).Where(p => p.First.Status == 429))
            {
                // Retry-After is whole seconds; allow the fake's and the bot's clocks a little rounding.
                Assert.True(next.ReceivedAt - refused.ReceivedAt >= TimeSpan.FromSeconds(RetryAfterSeconds) - TimeSpan.FromMilliseconds(50),
                    $"{method} called again {(next.ReceivedAt - refused.ReceivedAt).TotalMilliseconds:0} ms after a 429 asking for {RetryAfterSeconds} s");
            }
        }
    }
}

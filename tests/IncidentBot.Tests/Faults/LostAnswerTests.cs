using System.Net;
using IncidentBot.Testing.Fakes.Slack;

namespace IncidentBot.Tests.Faults;

/// <summary>
/// Slack posted, and then its answer was lost: a 500 after the effect, or the connection cut. The post may have gone
/// out, so the retry looks for it by its delivery key first: every note is in the thread exactly once.
/// </summary>
public sealed class LostAnswerTests
{
    [Fact]
    public async Task Posts_whose_answers_were_lost_are_in_the_thread_exactly_once()
    {
        await using var rig = await FaultRig.StartAsync();
        await rig.DeclareAsync();
        await rig.DrainedAsync();

        rig.Slack.Fail("chat.postMessage", FakeSlackFault.LostAnswer(500), FakeSlackFault.DroppedAnswer(), FakeSlackFault.LostAnswer(502));
        for (var n = 1; n <= 3; n++)
        {
            Assert.Equal(HttpStatusCode.OK, await rig.CommandAsync($"note INC-1 lost-answer-{n}", $"trig-lost-{n}"));
        }

        await rig.DrainedAsync();

        for (var n = 1; n <= 3; n++)
        {
            Assert.True(1 == rig.ThreadPosts($"lost-answer-{n}").Count, $"lost-answer-{n} posted once\n{rig.Describe()}");
        }

        Assert.Equal(3, rig.Slack.AttemptsOf("chat.postMessage").Count(c => c.Status != 200));
    }
}

using System.Net;

namespace IncidentBot.Tests.Faults;

/// <summary>
/// Issue 10, defect 3: a reply to a requester travels in a lane of its own (DESIGN.md §7). With the slash command's
/// <c>response_url</c> black-holed, the "INC-1 is open" reply keeps timing out, and the SEV1 acknowledgement reminder
/// still goes out on time.
/// </summary>
public sealed class DeadReplyHandleTests
{
    [Fact]
    public async Task A_dead_response_url_does_not_delay_the_SEV1_ack_reminder()
    {
        await using var rig = await FaultRig.StartAsync(new Dictionary<string, string>
        {
            ["Incidents__Severities__SEV1__AckWithin"] = "00:00:04",
        });
        rig.Slack.ResponseUrlsDown = true;

        var declaredAt = TimeProvider.System.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, await rig.CommandAsync("declare sev1 Payments failing", "trig-declare"));

        // Due 4 s after the declare; the budget is for a loaded machine, the defect held it back for 14 minutes.
        await Eventually.AssertAsync(() => rig.ThreadPosts("is not acknowledged").Count > 0, () => "the ack reminder\n" + rig.Describe(),
            TimeSpan.FromSeconds(25));
        var reminder = rig.Slack.AttemptsOf("chat.postMessage").First(c => c.Arg("text")?.Contains("is not acknowledged", StringComparison.Ordinal) == true);

        Assert.True(rig.Slack.ResponseUrlAttempts >= 1, "the reply was attempted at the dead URL");
        Assert.Empty(rig.Slack.Ephemerals);
        Assert.InRange(reminder.ReceivedAt - declaredAt, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(25));
    }
}

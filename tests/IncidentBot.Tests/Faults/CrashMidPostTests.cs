using System.Net;

namespace IncidentBot.Tests.Faults;

/// <summary>
/// Issue 10, defect 1: the bot is killed while Slack has a <c>chat.postMessage</c> in hand (it posted, the answer never
/// came back). The attempt was recorded before the call, so the restarted bot knows the post may have gone out, looks
/// for it by its delivery key, and does not post it again.
/// </summary>
public sealed class CrashMidPostTests
{
    [Fact]
    public async Task A_post_in_flight_when_the_bot_is_killed_is_not_posted_again_after_the_restart()
    {
        await using var rig = await FaultRig.StartAsync();
        await rig.DeclareAsync();
        await rig.DrainedAsync();

        rig.Slack.HoldAnswers("chat.postMessage");
        Assert.Equal(HttpStatusCode.OK, await rig.CommandAsync("note INC-1 rolled back the deploy", "trig-note"));
        await Eventually.AssertAsync(() => rig.Slack.HeldCount("chat.postMessage") == 1, "Slack to hold the note's post");
        var lookupsBefore = rig.Slack.CallsTo("conversations.replies").Count;

        await rig.RestartAsync();
        rig.Slack.ReleaseAnswers("chat.postMessage");
        await rig.DrainedAsync();

        Assert.True(1 == rig.ThreadPosts("rolled back the deploy").Count, rig.Describe());
        Assert.Contains(rig.Slack.CallsTo("conversations.replies").Skip(lookupsBefore), c => c.Arg("include_all_metadata") == "true");
        var note = (await rig.OutboxAsync()).Last(r => r.Kind == "post_thread");
        Assert.Equal(("delivered", 2L), (note.State, note.Attempts));
    }
}

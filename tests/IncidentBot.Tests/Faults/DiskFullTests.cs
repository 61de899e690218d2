using System.Net;

namespace IncidentBot.Tests.Faults;

/// <summary>
/// Issue 10, defect 2, on a real full disk (a small tmpfs filled to the last block): commands get a clear refusal,
/// <c>/readyz</c> says not ready, a post whose outcome cannot be written is not made again, nothing stored is lost, and
/// once space is back the bot recovers by itself, without a restart.
/// </summary>
public sealed class DiskFullTests
{
    private const string FullReply = "Storage full";

    [Fact]
    public async Task A_full_disk_gets_clear_replies_parks_delivery_loses_nothing_and_recovers_without_a_restart()
    {
        using var disk = SmallDisk.TryMount(out var reason);
        if (disk is null)
        {
            Assert.Skip(reason);
        }

        await using var rig = await FaultRig.StartAsync(databaseFolder: disk.Path);
        await rig.DeclareAsync();
        await rig.DrainedAsync();

        // A note's post is in Slack's hands when the disk fills: the bot cannot write down that it was delivered.
        rig.Slack.HoldAnswers("chat.postMessage");
        Assert.Equal(HttpStatusCode.OK, await rig.CommandAsync("note INC-1 posted-as-the-disk-filled", "trig-in-flight"));
        await Eventually.AssertAsync(() => rig.Slack.HeldCount("chat.postMessage") == 1, "Slack to hold the note's post");
        disk.Fill();
        rig.Slack.ReleaseAnswers("chat.postMessage");
        await Eventually.AssertAsync(() => rig.Bot.Output.Contains("Delivery is parked", StringComparison.Ordinal),
            () => "the dispatcher to park\n" + rig.Describe());

        var accepted = new List<string> { "posted-as-the-disk-filled" };
        var refusal = string.Empty;
        var lastReply = string.Empty;
        for (var n = 0; n < 40 && refusal.Length == 0; n++)
        {
            var (status, reply) = await rig.CommandWithReplyAsync($"note INC-1 while-full-{n}", $"trig-full-{n}");
            Assert.Equal(HttpStatusCode.OK, status);
            lastReply = reply;
            if (reply.Contains(FullReply, StringComparison.Ordinal))
            {
                refusal = reply;
            }
            else
            {
                accepted.Add($"while-full-{n}");
            }
        }

        Assert.True(refusal.Contains("not saved", StringComparison.Ordinal), $"a clear refusal, not \"{lastReply}\"\n{rig.Describe()}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await rig.ReadyAsync());
        Assert.Single(rig.ThreadPosts("posted-as-the-disk-filled"));

        disk.Free();
        await Eventually.AssertAsync(async () => await rig.ReadyAsync() == HttpStatusCode.OK, "readiness to recover without a restart");
        Assert.Equal(HttpStatusCode.OK, await rig.CommandAsync("note INC-1 space-is-back", "trig-back"));
        accepted.Add("space-is-back");
        await rig.DrainedAsync();

        var timeline = await rig.TimelineTextsAsync();
        foreach (var text in accepted)
        {
            Assert.True(1 == rig.ThreadPosts(text).Count, $"{text} posted once\n{rig.Describe()}");
            Assert.Single(timeline, t => t.Contains(text, StringComparison.Ordinal));
        }

        Assert.Equal(1, rig.Starts);
        Assert.Contains("Delivery resumed", rig.Bot.Output, StringComparison.Ordinal);
    }
}

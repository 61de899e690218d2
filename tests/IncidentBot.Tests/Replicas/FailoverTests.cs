using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using IncidentBot.Testing.Fakes.Slack;

namespace IncidentBot.Tests.Replicas;

/// <summary>
/// Issue 12's proof by failure: three replicas of the real executable on one PostgreSQL, Slack HTTP spread over
/// them, a SEV1 with short clocks; kill -9 one replica under load (the one holding the Discord gateway), then a
/// second. Every 200 is on the timeline once, every queued message is delivered once and in order, every reminder
/// fires once, a duplicate sent to two replicas changes state once, and the gateway moves to the survivor.
/// </summary>
public sealed class FailoverTests
{
    private const int Updates = 45;

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Three_replicas_lose_two_to_kill_9_under_load_and_nothing_is_lost_doubled_or_reordered()
    {
        await using var rig = await ReplicaRig.StartAsync(3, new Dictionary<string, string>
        {
            ["Incidents__Severities__SEV1__AckWithin"] = "00:00:06",
        });
        try
        {
            await RunAsync(rig);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException(e.Message + "\n" + rig.Describe(), e);
        }
    }

    private static async Task RunAsync(ReplicaRig rig)
    {
        var slack = rig.Slack;
        Assert.Equal(HttpStatusCode.OK, await rig.CommandAsync("declare sev1 Checkout is down", "trig-declare"));
        await Eventually.AssertAsync(() => slack.StartedThreads.Count > 0, "the status doc and the welcome in its thread", Budget);
        var root = slack.StartedThreads[0].Ts;
        await Eventually.AssertAsync(async () => await rig.GatewayHolderAsync() is not null && rig.Discord.Gateway.IsConnected, "a replica holding the Discord gateway", Budget);

        var accepted = new ConcurrentBag<int>();
        var replies = new List<string>();
        for (var k = 0; k < Updates; k++)
        {
            if (k == Updates / 3)
            {
                // The first kill: the replica that holds the Discord gateway session.
                var holder = (await rig.GatewayHolderAsync())!;
                holder.Kill();
                await Eventually.AssertAsync(
                    async () => await rig.GatewayHolderAsync() is { } next && next != holder && rig.Discord.Gateway.IsConnected,
                    "a survivor to take the Discord gateway within 15 s", TimeSpan.FromSeconds(25));
            }

            if (k == 2 * Updates / 3)
            {
                rig.Live[0].Kill();
            }

            // Three at once, spread over the replicas: load, not a queue of one.
            var batch = Enumerable.Range(0, 3).Select(async j =>
            {
                var n = (k * 3) + j;
                if (await rig.CommandAsync($"update INC-1 note-{n:000}", $"trig-{n}") == HttpStatusCode.OK)
                {
                    accepted.Add(n);
                }
            });
            await Task.WhenAll(batch);

            // The same event delivered to two replicas at once (a retry that raced the first delivery).
            var text = $"reply-{k:000}";
            replies.Add(text);
            var inner = SlackPayloads.ThreadReply("U0JENS", text, slack.NextTs(), root);
            var twice = await Task.WhenAll(rig.EventAsync(inner, $"Ev-{k}", 0, 0), rig.EventAsync(inner, $"Ev-{k}", 1, 1));
            Assert.Contains(HttpStatusCode.OK, twice.Cast<HttpStatusCode?>());
        }

        Assert.Equal(Updates * 3, accepted.Count);

        // The ack clock (6 s) keeps firing while the incident is unacknowledged: stop it, so the reminders on the
        // timeline and the ⏰ posts below are counted at rest, not while one more is on its way.
        Assert.Equal(HttpStatusCode.OK, await rig.CommandAsync("ack INC-1", "trig-ack"));
        await Eventually.AssertAsync(async () => await rig.PendingOutboxAsync() == 0, "every queued message delivered", Budget);

        // Every 200 is on the timeline once.
        var timeline = (await rig.IncidentAsync("INC-1"))["timeline"]!.AsArray()
            .Select(e => (Kind: e!["kind"]!.GetValue<string>(), Text: e["text"]!.GetValue<string>())).ToList();
        var updates = timeline.Where(e => e.Text.Contains("note-", StringComparison.Ordinal)).Select(e => Note(e.Text)).ToList();
        Assert.Equal(accepted.Order(), updates.Order());
        Assert.All(replies, r => Assert.Single(timeline, e => e.Text == r));

        // Every queued update is in the thread once, in queue order (the order the replicas committed them; the
        // timeline orders by each replica's clock, which two replicas read before either took the write lock).
        var posted = slack.Messages.Where(m => m.ThreadTs == root && m.Text.Contains("note-", StringComparison.Ordinal)).Select(m => Note(m.Text)).ToList();
        Assert.Equal((await rig.QueuedThreadTextsAsync()).Where(t => t.Contains("note-", StringComparison.Ordinal)).Select(Note), posted);

        // Every reminder fired once: as many ⏰ posts as reminders on the timeline, none twice for one due time.
        var reminders = timeline.Where(e => e.Kind == "Reminder").ToList();
        Assert.NotEmpty(reminders);
        Assert.Equal(reminders.Count, slack.Messages.Count(m => m.ThreadTs == root && m.Text.Contains('⏰', StringComparison.Ordinal)));
        Assert.Equal(reminders.Count, reminders.Select(r => r.Text).Distinct().Count());

        // The survivor holds the gateway.
        Assert.Single(rig.Live);
        await Eventually.AssertAsync(async () => await rig.GatewayHolderAsync() == rig.Live[0] && rig.Discord.Gateway.IsConnected,
            "the last replica to hold the Discord gateway", TimeSpan.FromSeconds(25));
    }

    private static int Note(string text)
    {
        var at = text.IndexOf("note-", StringComparison.Ordinal) + "note-".Length;
        return int.Parse(text.AsSpan(at, 3), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}

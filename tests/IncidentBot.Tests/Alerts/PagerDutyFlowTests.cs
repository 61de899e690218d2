using System.Net;
using IncidentBot.Core.Persistence;
using IncidentBot.Testing.Fakes.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Alerts;

/// <summary>PagerDuty webhooks in and REST calls out, through the real host, the fake Slack and the fake PagerDuty.</summary>
public sealed class PagerDutyFlowTests
{
    private const string PagerDutyId = "PFQZPSY";

    [Fact]
    public async Task A_page_declares_a_chat_ack_acknowledges_it_in_PagerDuty_and_the_echo_changes_nothing()
    {
        await using var bot = await AlertsBot.StartAsync();

        var (status, body) = await bot.PostPageAsync(AlertsBot.Fixture("incident.triggered.json"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("INC-1", body!["incident"]!.GetValue<string>());
        var incident = await bot.Chat.IncidentAsync("INC-1");
        Assert.Equal("SEV1", incident["severity"]!.GetValue<string>());
        Assert.Equal("Test Incident 3", incident["title"]!.GetValue<string>());
        await Eventually.AssertAsync(() => bot.Chat.Roots.Count == 1 && bot.Chat.ThreadOf(bot.Chat.Roots[0].Ts).Count >= 2, "the incident's thread");
        var root = bot.Chat.Roots[0];
        Assert.Contains(bot.Chat.ThreadOf(root.Ts), m => m.Text.Contains("https://pig208.pagerduty.com/incidents/PFQZPSY", StringComparison.Ordinal));

        // 👀 in chat → PUT /incidents/PFQZPSY acknowledged, as the configured PagerDuty user.
        await bot.Chat.Driver.EventAsync(SlackPayloads.Reaction(true, "U0MARIA", "eyes", root.Ts, bot.Slack.NextTs()), "Ev-eyes");
        await Eventually.AssertAsync(() => bot.PagerDuty.Accepted.Count == 1, "the acknowledgement in PagerDuty");
        var put = bot.PagerDuty.Accepted[0];
        Assert.Equal(("PUT", "/incidents/PFQZPSY", "acknowledged"), (put.Method, put.Path, put.IncidentStatus));
        Assert.Equal(AlertsBot.From, put.From);
        Assert.Equal($"Token token={AlertsBot.PagerDutyToken}", put.Authorization);
        Assert.Contains("application/vnd.pagerduty+json", put.Accept, StringComparison.Ordinal);
        Assert.Equal("incident_reference", put.Body!["incident"]!["type"]!.GetValue<string>());

        // PagerDuty then tells us what we did: nothing changes, nothing is said, nothing goes back.
        var timelineBefore = (await bot.Chat.TimelineAsync("INC-1")).Count;
        var threadBefore = bot.Chat.ThreadOf(root.Ts).Count;
        var (_, echo) = await bot.PostPageAsync(AlertsBot.PageEvent("incident.acknowledged.json", PagerDutyId, "01ECHOACK"));
        Assert.Equal("ignored", echo!["result"]!.GetValue<string>());
        Assert.Equal(timelineBefore, (await bot.Chat.TimelineAsync("INC-1")).Count);
        Assert.Equal("U0MARIA", (await bot.Chat.IncidentAsync("INC-1"))["acknowledgedBy"]!["id"]!.GetValue<string>());

        // An update becomes a PagerDuty note; the note's own echo (incident.annotated) is recognised as ours.
        await bot.Chat.Driver.CommandAsync("update INC-1 rolled back to v41", "U0JENS", "trig-update");
        await Eventually.AssertAsync(() => bot.PagerDuty.Accepted.Any(r => r.Note is { } n && n.Contains("rolled back to v41", StringComparison.Ordinal)), "the note");
        var note = bot.PagerDuty.Accepted.Single(r => r.Note is not null);
        Assert.Equal("/incidents/PFQZPSY/notes", note.Path);
        var annotated = System.Text.Json.Nodes.JsonNode.Parse(AlertsBot.PageEvent("incident.annotated.json", PagerDutyId, "01ECHONOTE"))!;
        annotated["event"]!["data"]!["content"] = note.Note;
        var (_, noteEcho) = await bot.PostPageAsync(System.Text.Encoding.UTF8.GetBytes(annotated.ToJsonString()));
        Assert.Equal("ignored", noteEcho!["result"]!.GetValue<string>());

        await bot.Chat.AdvanceUntilAsync(() => bot.Chat.ThreadOf(root.Ts).Count > threadBefore, "the update in the thread");
        Assert.Equal(2, bot.PagerDuty.Requests.Count);
    }

    [Fact]
    public async Task Resolving_works_both_ways()
    {
        await using var bot = await AlertsBot.StartAsync();
        await bot.PostPageAsync(AlertsBot.Fixture("incident.triggered.json"));
        await bot.PostPageAsync(AlertsBot.PageEvent("incident.triggered.json", "PSECOND", "01SECOND"));

        // Resolved in chat → resolved in PagerDuty; PagerDuty's resolved event that follows changes nothing.
        await bot.Chat.Driver.CommandAsync("resolve INC-1 fixed by rollback", "U0JENS", "trig-resolve");
        await Eventually.AssertAsync(() => bot.PagerDuty.Accepted.Any(r => r.Path == "/incidents/PFQZPSY" && r.IncidentStatus == "resolved"), "the resolve in PagerDuty");
        var (_, echo) = await bot.PostPageAsync(AlertsBot.PageEvent("incident.resolved.json", PagerDutyId, "01ECHORESOLVE"));
        Assert.Equal("ignored", echo!["result"]!.GetValue<string>());

        // Resolved in PagerDuty → said in the thread with a Resolve button; people decide.
        var (_, resolved) = await bot.PostPageAsync(AlertsBot.PageEvent("incident.resolved.json", "PSECOND", "01RESOLVED2"));
        Assert.Equal("INC-2", resolved!["incident"]!.GetValue<string>());
        Assert.Equal("Investigating", (await bot.Chat.IncidentAsync("INC-2"))["status"]!.GetValue<string>());
        await Eventually.AssertAsync(() => bot.Slack.Messages.Any(m => m.AllText.Contains("was resolved by PIG 208", StringComparison.Ordinal)
            && AlertsBot.HasButton(m, "resolve")), "the resolved page with a Resolve button");
        var second = bot.Chat.Roots.Single(r => r.Text.Contains("INC-2", StringComparison.Ordinal));
        await bot.Chat.Driver.InteractionAsync(SlackPayloads.ButtonClick("resolve", "INC-2", "U0MARIA", "trig-resolve-2", second.Ts));
        Assert.Equal("Resolved", (await bot.Chat.IncidentAsync("INC-2"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Forged_stale_malformed_and_oversize_webhooks_are_refused_with_nothing_stored()
    {
        await using var bot = await AlertsBot.StartAsync();
        var triggered = AlertsBot.Fixture("incident.triggered.json");

        var (forged, forgedBody) = await bot.PostPageAsync(triggered, "a-secret-we-never-had-0123456789");
        Assert.Equal(HttpStatusCode.Unauthorized, forged);
        Assert.Contains("X-PagerDuty-Signature", forgedBody!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.PostPageAsync(triggered, AlertsBot.OldWebhookSecret)).Status);
        var (malformed, malformedBody) = await bot.PostPageAsync("{\"event\":{\"event_type\":\"incident.triggered\"}}"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, malformed);
        Assert.Contains("event.id is missing", malformedBody!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await bot.PostPageAsync(new byte[(1 << 20) + 1])).Status);

        Assert.Empty(await bot.IncidentsAsync());
        Assert.Equal(0, bot.Count("inbound_keys"));
        Assert.Equal(0, bot.Count("pagerduty_links"));
        Assert.Empty(bot.Slack.Messages);

        // During a rotation PagerDuty signs with both secrets; one match will do, and a redelivery changes nothing.
        Assert.Equal(HttpStatusCode.OK, (await bot.PostPageAsync(triggered, AlertsBot.OldWebhookSecret, AlertsBot.WebhookSecret)).Status);
        Assert.Equal("duplicate", (await bot.PostPageAsync(triggered))!.Body!["result"]!.GetValue<string>());
        Assert.Single(await bot.IncidentsAsync());
    }

    [Fact]
    public async Task A_PagerDuty_outage_keeps_the_sync_queued_without_holding_back_chat_then_delivers_it_once()
    {
        await using var bot = await AlertsBot.StartAsync();
        await bot.PostPageAsync(AlertsBot.Fixture("incident.triggered.json"));
        await Eventually.AssertAsync(() => bot.Chat.Roots.Count == 1, "the status doc");
        var root = bot.Chat.Roots[0];
        bot.PagerDuty.Fail(503, 503, 429);

        await bot.Chat.Driver.CommandAsync("ack INC-1", "U0MARIA", "trig-ack");

        // Chat is not held back by PagerDuty's lane.
        await Eventually.AssertAsync(() => bot.Chat.ThreadOf(root.Ts).Any(m => m.Text.Contains("Acknowledged by", StringComparison.Ordinal)), "the ack in the thread");
        await Eventually.AssertAsync(() => bot.PagerDuty.Requests.Count >= 1, "the first attempt");
        Assert.Empty(bot.PagerDuty.Accepted);
        var store = bot.Chat.App.Services.GetRequiredService<IStorageHealth>();
        Assert.True(await store.CountPendingOutboxAsync(TestContext.Current.CancellationToken) >= 1);

        await bot.Chat.AdvanceUntilAsync(() => bot.PagerDuty.Accepted.Count == 1, "the acknowledgement after the outage", maxSeconds: 600);
        Assert.Equal(4, bot.PagerDuty.Requests.Count);
        Assert.Equal([503, 503, 429, 200], bot.PagerDuty.Requests.Select(r => r.Status));
        Assert.All(bot.PagerDuty.Requests, r => Assert.Equal("acknowledged", r.IncidentStatus));
    }

    [Fact]
    public async Task A_note_whose_answer_was_lost_is_looked_for_and_not_added_twice()
    {
        await using var bot = await AlertsBot.StartAsync();
        await bot.PostPageAsync(AlertsBot.Fixture("incident.triggered.json"));
        await Eventually.AssertAsync(() => bot.Chat.Roots.Count == 1, "the status doc");

        // PagerDuty makes the note, but the answer is lost (500): the outcome is open, so the retry looks first.
        bot.PagerDuty.LoseAnswers(1);
        await bot.Chat.Driver.CommandAsync("update INC-1 failing over to the standby", "U0JENS", "trig-note");
        await Eventually.AssertAsync(() => bot.PagerDuty.Requests.Count == 1, "the first attempt");
        await bot.Chat.AdvanceUntilAsync(() => bot.PagerDuty.NoteReads >= 1, "the look-up before the retry", maxSeconds: 600);

        var notes = bot.PagerDuty.Accepted.Where(r => r.Note is not null).ToList();
        Assert.Single(notes);
        Assert.Contains("failing over to the standby", notes[0].Note, StringComparison.Ordinal);
        var health = bot.Chat.App.Services.GetRequiredService<IStorageHealth>();
        await Eventually.AssertAsync(async () => await health.CountPendingOutboxAsync(TestContext.Current.CancellationToken) == 0, "the note to count as delivered");
        Assert.Single(bot.PagerDuty.Requests);
    }
}

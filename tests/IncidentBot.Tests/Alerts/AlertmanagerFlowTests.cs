using System.Net;
using IncidentBot.Testing.Fakes.Slack;

namespace IncidentBot.Tests.Alerts;

/// <summary>Alertmanager groups through the real host into Slack (DESIGN.md §9), with the captured v0.25.0 bodies.</summary>
public sealed class AlertmanagerFlowTests
{
    [Fact]
    public async Task A_firing_group_declares_once_follows_its_changes_and_notes_its_resolution()
    {
        await using var bot = await AlertsBot.StartAsync();

        var (status, body) = await bot.PostAlertAsync("/alerts/alertmanager", AlertsBot.Fixture("firing.json"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("accepted", body!["result"]!.GetValue<string>());
        Assert.Equal("INC-1", body["incident"]!.GetValue<string>());
        var incident = await bot.Chat.IncidentAsync("INC-1");
        Assert.Equal("SEV1", incident["severity"]!.GetValue<string>());
        Assert.Equal("HighLatency (2 alerts)", incident["title"]!.GetValue<string>());
        await Eventually.AssertAsync(() => bot.Chat.Roots.Count == 1 && bot.Chat.ThreadOf(bot.Chat.Roots[0].Ts).Count >= 2, "the status doc and the alert's details");
        var root = bot.Chat.Roots[0];
        var details = string.Join("\n", bot.Chat.ThreadOf(root.Ts).Select(m => m.Text));
        Assert.Contains("p99 latency above 2s on checkout-1", details, StringComparison.Ordinal);
        Assert.Contains("instance=checkout-2:9100", details, StringComparison.Ordinal);
        Assert.Contains("https://runbooks.example.org/HighLatency", details, StringComparison.Ordinal);

        // Detection is the alert's start; each alert is one readable timeline entry.
        var timeline = await bot.Chat.TimelineAsync("INC-1");
        var detected = Assert.Single(timeline, e => e!["kind"]!.GetValue<string>() == "Detected");
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 8, 47, 40, 277, TimeSpan.Zero), detected!["at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(2, timeline.Count(e => e!["kind"]!.GetValue<string>() == "Alert"));

        // The same notification again (repeat_interval, a retry) changes nothing.
        var (_, repeat) = await bot.PostAlertAsync("/alerts/alertmanager", AlertsBot.Fixture("firing.json"));
        Assert.Equal("duplicate", repeat!["result"]!.GetValue<string>());

        // One alert of the group resolves: into the same incident's thread, never a second incident.
        var (_, change) = await bot.PostAlertAsync("/alerts/alertmanager", AlertsBot.Fixture("firing-one-alert-resolved.json"));
        Assert.Equal("INC-1", change!["incident"]!.GetValue<string>());
        await Eventually.AssertAsync(() => bot.Chat.ThreadOf(root.Ts).Any(m => m.Text.Contains("✅ Resolved: p99 latency above 2s on checkout-2", StringComparison.Ordinal)),
            "the resolved alert in the thread");

        var (_, resolved) = await bot.PostAlertAsync("/alerts/alertmanager", AlertsBot.Fixture("resolved.json"));
        Assert.Equal("INC-1", resolved!["incident"]!.GetValue<string>());
        await Eventually.AssertAsync(() => bot.Chat.ThreadOf(root.Ts).Any(m => m.AllText.Contains("Alert resolved", StringComparison.Ordinal)
            && AlertsBot.HasButton(m, "resolve")), "alert resolved, with a Resolve button");

        // People resolve incidents, alerts do not.
        Assert.Equal("Investigating", (await bot.Chat.IncidentAsync("INC-1"))["status"]!.GetValue<string>());
        Assert.Single(await bot.IncidentsAsync());
        Assert.Equal(1, bot.Count("alert_groups"));
    }

    [Fact]
    public async Task Below_the_threshold_the_bot_asks_and_the_Declare_button_declares_once()
    {
        await using var bot = await AlertsBot.StartAsync();

        var (_, body) = await bot.PostAlertAsync("/alerts/alertmanager", AlertsBot.Fixture("retry-probe.firing.json"));

        Assert.Equal("accepted", body!["result"]!.GetValue<string>());
        Assert.Empty(await bot.IncidentsAsync());
        await Eventually.AssertAsync(() => bot.Chat.Roots.Any(m => m.AllText.Contains("declare an incident?", StringComparison.Ordinal)), "the declare? notice");
        var notice = bot.Chat.Roots.Single();
        Assert.Contains("[SEV3] retry probe", notice.Text, StringComparison.Ordinal);
        Assert.True(AlertsBot.HasButton(notice, "declare_alert"));

        // A repeat of the group does not ask again.
        await bot.PostAlertAsync("/alerts/alertmanager", AlertsBot.Fixture("retry-probe.firing.json"));

        await bot.Chat.Driver.InteractionAsync(SlackPayloads.ButtonClick("declare_alert", "1", "U0MARIA", "trig-declare-1", notice.Ts, bot.Slack.ResponseUrl("declare")));
        var incident = await bot.Chat.IncidentAsync("INC-1");
        Assert.Equal("SEV3", incident["severity"]!.GetValue<string>());
        Assert.Equal("U0MARIA", incident["commander"]!["id"]!.GetValue<string>());
        await Eventually.AssertAsync(() => bot.Chat.Roots.Count == 2, "the incident's status doc");

        await bot.Chat.Driver.InteractionAsync(SlackPayloads.ButtonClick("declare_alert", "1", "U0JENS", "trig-declare-2", notice.Ts, bot.Slack.ResponseUrl("again")));
        await Eventually.AssertAsync(() => bot.Slack.Ephemerals.Any(e => e.ResponseUrlId == "again" && e.Text.Contains("INC-1 was already declared", StringComparison.Ordinal)),
            "the second press told it was declared already");
        Assert.Single(await bot.IncidentsAsync());
    }

    [Fact]
    public async Task Unauthenticated_malformed_and_oversize_posts_are_refused_with_nothing_stored()
    {
        await using var bot = await AlertsBot.StartAsync();
        var firing = AlertsBot.Fixture("firing.json");

        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.PostAlertAsync("/alerts/alertmanager", firing, token: null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.PostAlertAsync("/alerts/grafana", firing, token: "wrong-token-0123456789")).Status);
        var (status, body) = await bot.PostAlertAsync("/alerts/alertmanager", "{\"version\":\"4\",\"status\":\"firing\"}"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("groupKey is missing", body!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await bot.PostAlertAsync("/alerts/alertmanager", new byte[(1 << 20) + 1])).Status);

        Assert.Empty(await bot.IncidentsAsync());
        Assert.Equal(0, bot.Count("inbound_keys"));
        Assert.Equal(0, bot.Count("alert_groups"));
        Assert.Empty(bot.Slack.Messages);
    }

    [Fact]
    public async Task Without_a_token_the_endpoints_are_off()
    {
        await using var bot = await AlertsBot.StartAsync(s =>
        {
            s["Alerts:Token"] = null;
            s["PagerDuty:WebhookSecret"] = null;
        });

        Assert.Equal(HttpStatusCode.NotFound, (await bot.PostAlertAsync("/alerts/alertmanager", AlertsBot.Fixture("firing.json"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await bot.PostPageAsync(AlertsBot.Fixture("incident.triggered.json"))).Status);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using IncidentBot.Testing.Fakes.Slack;

namespace IncidentBot.Tests.Alerts;

/// <summary>Linking by hand, Grafana's signed contact point, and the default workspace learned from Slack.</summary>
public sealed class AlertsEdgeTests
{
    [Fact]
    public async Task An_incident_linked_by_hand_acknowledges_its_PagerDuty_incident()
    {
        await using var bot = await AlertsBot.StartAsync();
        await bot.Chat.Driver.CommandAsync("declare sev2 Checkout slow", "U0JENS", "trig-declare");

        var reply = await bot.Chat.Driver.CommandAsync("pagerduty INC-1 <https://acme.pagerduty.com/incidents/PT4KHLK>", "U0JENS", "trig-link");

        Assert.Contains("INC-1 is linked to PagerDuty incident PT4KHLK", reply?["text"]?.GetValue<string>(), StringComparison.Ordinal);
        var again = await bot.Chat.Driver.CommandAsync("pagerduty INC-1 PT4KHLK", "U0JENS", "trig-link-2");
        Assert.Contains("already linked", again?["text"]?.GetValue<string>(), StringComparison.Ordinal);

        await bot.Chat.Driver.CommandAsync("ack INC-1", "U0MARIA", "trig-ack");
        await Eventually.AssertAsync(() => bot.PagerDuty.Accepted.Any(r => r.Path == "/incidents/PT4KHLK" && r.IncidentStatus == "acknowledged"),
            "the acknowledgement in PagerDuty");
    }

    [Fact]
    public async Task Grafana_posts_must_carry_the_configured_signature()
    {
        const string secret = "grafana-hmac-secret";
        await using var bot = await AlertsBot.StartAsync(s => s["Alerts:GrafanaSecret"] = secret);
        var body = AlertsBot.Fixture("grafana11.firing-values-image.json");

        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.PostAlertAsync("/alerts/grafana", body)).Status);
        Assert.Equal(0, bot.Count("inbound_keys"));

        using var client = bot.Chat.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/alerts/grafana") { Content = new ByteArrayContent(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AlertsBot.AlertsToken);
        request.Headers.Add("X-Grafana-Alerting-Signature", Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // No severity label: SEV3, below the threshold, so the bot asks.
        await Eventually.AssertAsync(() => bot.Chat.Roots.Any(m => m.Text.Contains("[SEV3] High memory usage", StringComparison.Ordinal)
            && AlertsBot.HasButton(m, "declare_alert")), "the declare? notice with Grafana's values");
        Assert.Contains("A=2473545728", bot.Chat.Roots[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_configured_workspace_alerts_go_to_the_Slack_bots_team()
    {
        await using var bot = await AlertsBot.StartAsync(s => s["Alerts:Workspace"] = null);

        // Until auth.test has answered the team is unknown: a 503, which Alertmanager retries.
        var body = await Eventually.GetAsync(async () =>
        {
            var (status, json) = await bot.PostAlertAsync("/alerts/alertmanager", AlertsBot.Fixture("firing.json"));
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"unexpected {status}");
            return status == HttpStatusCode.OK ? json : null;
        }, "the alert accepted once the team is known");

        Assert.Equal("INC-1", body!["incident"]!.GetValue<string>());
        Assert.Equal($"slack:{FakeSlack.TeamId}", (await bot.Chat.IncidentAsync("INC-1"))["workspace"]!.GetValue<string>());
    }
}

using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Metrics;
using IncidentBot.Testing.Fakes.Slack;
using IncidentBot.Tests.Infrastructure;
using IncidentBot.Tests.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Ops;

public sealed class MetricsEndToEndTests
{
    [Fact]
    public async Task Metrics_show_a_scripted_incident()
    {
        await using var bot = new BotApplication().Start();
        using var client = bot.CreateClient();
        var handler = bot.Services.GetRequiredService<IInboundHandler>();
        var ct = TestContext.Current.CancellationToken;
        var n = 0;
        InboundContext Ctx() => new(new WorkspaceId(Platform.Slack, "T1"), "C1", null, new UserRef("U1", "ana"), bot.Time.GetUtcNow(), $"cmd:{++n}");

        var declared = await handler.HandleAsync(new CommandInvoked(Ctx(), "declare sev1 Checkout is down", null, null), ct);
        bot.Time.Advance(TimeSpan.FromMinutes(3));
        var acked = await handler.HandleAsync(new CommandInvoked(Ctx(), "ack INC-1", null, null), ct);
        bot.Time.Advance(TimeSpan.FromMinutes(13));
        bot.Time.Advance(HostMetricsRefresher.Interval);

        async Task<PrometheusText> Scrape() => new(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), ct));
        var metrics = await Eventually.MatchAsync(Scrape, m =>
            m.Sample("incidentbot_reminders_sent_total{kind=\"update\"}") >= 1
            && m.Sample("incidentbot_incidents_open{severity=\"SEV1\",status=\"investigating\"}") == 1);

        Assert.Equal(InboundResult.Accepted, declared.Result);
        Assert.Equal(InboundResult.Accepted, acked.Result);
        Assert.Equal(1, metrics.Sample("incidentbot_incidents_open{severity=\"SEV1\",status=\"investigating\"}"));
        Assert.Equal(1, metrics.Sample("incidentbot_acknowledgement_latency_seconds_count{severity=\"SEV1\"}"));
        Assert.Equal(180, metrics.Sample("incidentbot_acknowledgement_latency_seconds_sum{severity=\"SEV1\"}"));
        Assert.True(metrics.Sample("incidentbot_reminders_sent_total{kind=\"update\"}") >= 1, metrics.Text);
        Assert.True(metrics.Sample("incidentbot_outbox_pending") > 0, metrics.Text);
        Assert.True(metrics.Sample("incidentbot_outbox_oldest_age_seconds") > 0, metrics.Text);
    }

    [Fact]
    public async Task The_host_counts_each_handled_input_once_by_platform_source_and_outcome()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.AddUser("U0JENS", "Jens");
        await using var bot = new BotApplication(SlackBot.Settings(slack, "http")).Start();
        using var client = bot.CreateClient();
        var driver = new HttpSlackDriver(slack, client, SlackBot.SigningSecret, bot.Time);
        var ct = TestContext.Current.CancellationToken;

        await driver.CommandAsync("declare sev2 Search is slow", "U0JENS", "trig-1");
        await driver.CommandAsync("declare sev2 Search is slow", "U0JENS", "trig-1");
        await driver.CommandAsync("frobnicate", "U0JENS", "trig-2");
        var metrics = new PrometheusText(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), ct));

        Assert.Equal(1, metrics.Sample("incidentbot_inbound_requests_total{outcome=\"accepted\",platform=\"slack\",source=\"slack_http\"}"));
        Assert.Equal(1, metrics.Sample("incidentbot_inbound_requests_total{outcome=\"duplicate\",platform=\"slack\",source=\"slack_http\"}"));
        Assert.Equal(1, metrics.Sample("incidentbot_inbound_requests_total{outcome=\"refused\",platform=\"slack\",source=\"slack_http\"}"));
        Assert.Equal(3, metrics.Series.Where(s => s.StartsWith("incidentbot_inbound_requests_total{", StringComparison.Ordinal)).Sum(s => metrics.Sample(s)));
    }
}

using IncidentBot.Alerts.Inbound;
using IncidentBot.Core.Alerts;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Alerts.Tests.Rules;

public sealed class AlertRulesTests
{
    private static readonly AlertRules Defaults = new(
        "severity",
        new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase)
        {
            ["critical"] = Severity.Sev1,
            ["page"] = Severity.Sev1,
            ["error"] = Severity.Sev2,
            ["warning"] = Severity.Sev2,
            ["info"] = Severity.Sev3,
        },
        Severity.Sev2,
        new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase) { ["P1"] = Severity.Sev1, ["high"] = Severity.Sev1, ["low"] = Severity.Sev3 });

    private static AlertGroup Group(string file, string source = AlertmanagerMapper.Alertmanager) =>
        AlertmanagerMapper.Map(Fixture.Bytes(file), source).Group!;

    [Fact]
    public void Severity_comes_from_the_label_through_the_map()
    {
        Assert.Equal(Severity.Sev1, Defaults.SeverityOf(Group("alertmanager/captured-v0.25.0/firing.json")));
        Assert.Equal(Severity.Sev2, Defaults.SeverityOf(Group("alertmanager/captured-v0.25.0/max-alerts-1.firing.json")));
        Assert.Equal(Severity.Sev3, Defaults.SeverityOf(Group("alertmanager/captured-v0.25.0/retry-probe.firing.json")));

        // No severity label at all: the lowest, so the bot asks before declaring.
        Assert.Equal(Severity.Sev3, Defaults.SeverityOf(Group("grafana/docs/webhook-notifier.firing-two-alerts.json", AlertmanagerMapper.Grafana)));
    }

    [Fact]
    public void At_or_above_the_threshold_declares()
    {
        Assert.True(Defaults.Declares(Severity.Sev1));
        Assert.True(Defaults.Declares(Severity.Sev2));
        Assert.False(Defaults.Declares(Severity.Sev3));
    }

    [Fact]
    public void The_title_is_the_summary_else_the_alertname()
    {
        Assert.Equal("HighLatency (2 alerts)", AlertRules.TitleOf(Group("alertmanager/captured-v0.25.0/firing.json")));
        Assert.Equal("disk 95% full on db-1", AlertRules.TitleOf(Group("alertmanager/captured-v0.25.0/max-alerts-1.firing.json")));
        Assert.Equal("High memory usage", AlertRules.TitleOf(Group("grafana/captured-zulip/grafana11.firing-values-image.json", AlertmanagerMapper.Grafana)));
        Assert.Equal(93, AlertRules.Fit(new string('x', 200)).Length);
        Assert.EndsWith("…", AlertRules.Fit(new string('x', 200)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_takes_its_priority_first_then_its_urgency()
    {
        PageEvent Page(string? urgency, string? priority) =>
            new("E", PageEventKind.Triggered, "P", 1, "t", null, urgency, priority, null, [], null, DateTimeOffset.UnixEpoch, []);

        Assert.Equal(Severity.Sev1, Defaults.SeverityOf(Page("low", "P1")));
        Assert.Equal(Severity.Sev3, Defaults.SeverityOf(Page("low", null)));
        Assert.Equal(Severity.Sev1, Defaults.SeverityOf(Page("high", "P9")));
    }

    [Fact]
    public void One_readable_timeline_line_per_alert()
    {
        var alert = Group("alertmanager/captured-v0.25.0/firing.json").Alerts[0];

        Assert.Equal(
            "🔥 Firing: p99 latency above 2s on checkout-1 — labels: alertname=HighLatency, instance=checkout-1:9100, job=checkout, "
            + "service=checkout, severity=critical — source: http://prometheus.example.org:9090/graph?g0.expr=histogram_quantile%280.99%2C+rate%28http_request_duration_seconds_bucket%5B5m%5D%29%29+%3E+2&g0.tab=1 "
            + "— runbook: https://runbooks.example.org/HighLatency — since 2026-12-03 08:47:40 UTC",
            AlertText.Describe(alert));
    }
}

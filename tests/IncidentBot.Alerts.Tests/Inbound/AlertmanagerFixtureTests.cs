using IncidentBot.Alerts.Inbound;

namespace IncidentBot.Alerts.Tests.Inbound;

public sealed class AlertmanagerFixtureTests
{
    private const string Captured = "alertmanager/captured-v0.25.0";

    public static TheoryData<string> AlertmanagerBodies => [.. Fixture.Files(Captured).Where(f => !Path.GetFileName(f).StartsWith("INPUT", StringComparison.Ordinal))];

    public static TheoryData<string> GrafanaBodies => [.. Fixture.Files("grafana").Where(f => !f.EndsWith("vector.json", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(AlertmanagerBodies))]
    public void Every_captured_Alertmanager_body_maps_to_a_group(string file)
    {
        var (group, key, problem) = AlertmanagerMapper.Map(Fixture.Bytes(file), AlertmanagerMapper.Alertmanager);

        Assert.Null(problem);
        Assert.NotNull(group);
        Assert.NotEmpty(group.GroupKey);
        Assert.NotEmpty(group.Alerts);
        Assert.All(group.Alerts, a => Assert.Matches("^[0-9a-f]{16}$", a.Fingerprint));
        Assert.StartsWith("alertmanager:", key, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(GrafanaBodies))]
    public void Every_Grafana_body_maps_to_a_group(string file)
    {
        var (group, _, problem) = AlertmanagerMapper.Map(Fixture.Bytes(file), AlertmanagerMapper.Grafana);

        Assert.Null(problem);
        Assert.NotNull(group);
        Assert.All(group.Alerts, a => Assert.Contains(a.Links, l => l.Name == "source"));
    }

    [Fact]
    public void A_firing_group_carries_its_alerts_labels_links_and_start()
    {
        var (group, _, _) = AlertmanagerMapper.Map(Fixture.Bytes($"{Captured}/firing.json"), AlertmanagerMapper.Alertmanager);

        Assert.True(group!.Firing);
        Assert.Equal("{}:{alertname=\"HighLatency\"}", group.GroupKey);
        Assert.Equal(["63cdeb6faf2b6de3", "62782376621d6ff2"], group.Alerts.Select(a => a.Fingerprint));
        var first = group.Alerts[0];
        Assert.Equal("checkout-1:9100", first.Labels["instance"]);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 8, 47, 40, 277, TimeSpan.Zero), first.StartsAt);
        Assert.Null(first.EndsAt);
        Assert.Equal(["source", "runbook"], first.Links.Select(l => l.Name));
        Assert.Equal("https://runbooks.example.org/HighLatency", first.Links[1].Url);
    }

    [Fact]
    public void The_key_is_the_same_for_a_repeat_and_changes_with_any_alert_status()
    {
        static string? Key(string file) => AlertmanagerMapper.Map(Fixture.Bytes($"{Captured}/{file}"), AlertmanagerMapper.Alertmanager).DedupKey;

        Assert.Equal(Key("firing.json"), Key("firing.json"));
        Assert.NotEqual(Key("firing.json"), Key("firing-one-alert-resolved.json"));
        Assert.NotEqual(Key("firing.json"), Key("resolved.json"));
    }

    [Fact]
    public void Truncated_alerts_and_resolution_times_are_kept()
    {
        var (group, _, _) = AlertmanagerMapper.Map(Fixture.Bytes($"{Captured}/max-alerts-1.resolved.json"), AlertmanagerMapper.Alertmanager);

        Assert.False(group!.Firing);
        Assert.Equal(1, group.TruncatedAlerts);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 8, 49, 15, 202, TimeSpan.Zero), group.Alerts[0].EndsAt);
    }

    [Fact]
    public void Grafana_values_and_panel_links_are_read()
    {
        var (group, _, _) = AlertmanagerMapper.Map(Fixture.Bytes("grafana/captured-zulip/grafana11.firing-values-image.json"), AlertmanagerMapper.Grafana);

        var alert = Assert.Single(group!.Alerts);
        Assert.Equal("A=2473545728, B=0, C=1, minute=9", alert.Values);
        Assert.Equal(["source", "dashboard", "panel", "image", "silence"], alert.Links.Select(l => l.Name));
    }

    [Theory]
    [InlineData("not json", "not a webhook notification in JSON")]
    [InlineData("{\"version\":\"3\",\"status\":\"firing\",\"groupKey\":\"g\",\"alerts\":[]}", "version is '3'")]
    [InlineData("{\"version\":\"4\",\"status\":\"burning\",\"groupKey\":\"g\",\"alerts\":[]}", "status is 'burning'")]
    [InlineData("{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[]}", "groupKey is missing")]
    [InlineData("{\"version\":\"4\",\"status\":\"firing\",\"groupKey\":\"g\",\"alerts\":[]}", "alerts must list")]
    [InlineData("{\"version\":\"4\",\"status\":\"firing\",\"groupKey\":\"g\",\"alerts\":[{\"status\":\"firing\",\"startsAt\":\"yesterday\"}]}", "alerts[0]: startsAt 'yesterday'")]
    [InlineData("{\"version\":\"4\",\"status\":\"firing\",\"groupKey\":\"g\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"a\":1}}]}", "not a webhook notification")]
    public void Bad_bodies_are_refused_with_the_problem_named(string body, string problem)
    {
        var (group, _, error) = AlertmanagerMapper.Map(System.Text.Encoding.UTF8.GetBytes(body), AlertmanagerMapper.Alertmanager);

        Assert.Null(group);
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }
}

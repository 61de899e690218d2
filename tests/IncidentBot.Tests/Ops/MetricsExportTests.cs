using IncidentBot.Core.Incidents;
using IncidentBot.Metrics;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace IncidentBot.Tests.Ops;

public sealed class MetricsExportTests
{
    [Theory]
    [InlineData("incidentbot.inbound.requests", "{request}", "Counter", "incidentbot_inbound_requests_total")]
    [InlineData("incidentbot.outbox.oldest.age", "s", "Gauge", "incidentbot_outbox_oldest_age_seconds")]
    [InlineData("incidentbot.acknowledgement.latency", "s", "Histogram", "incidentbot_acknowledgement_latency_seconds")]
    [InlineData("incidentbot.request-duration_seconds", "s", "Histogram", "incidentbot_request_duration_seconds")]
    [InlineData("jobs_total", null, "ObservableCounter", "jobs_total")]
    [InlineData("2xx.responses", null, "UpDownCounter", "_2xx_responses")]
    public void Instrument_names_follow_the_Prometheus_naming_rules(string instrument, string? unit, string kind, string expected)
    {
        Assert.Equal(expected, InstrumentShape.PrometheusNameOf(instrument, unit, Enum.Parse<InstrumentKind>(kind)));
    }

    [Fact]
    public async Task A_failed_refresh_keeps_the_last_numbers_and_a_later_one_catches_up()
    {
        await using var host = await MetricsHost.StartAsync([MetricsHost.Incident(1, Severity.Sev2, IncidentStatus.Monitoring)]);
        await host.ScrapeUntilAsync(m => m.Sample("incidentbot_incidents_open{severity=\"SEV2\",status=\"monitoring\"}") == 1);
        host.Store.ListAsync(true, Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("database is locked"));

        host.Time.Advance(HostMetricsRefresher.Interval);
        await Eventually.MatchAsync(() => Task.FromResult(ListCalls(host)), calls => calls >= 2);
        var stale = await host.ScrapeAsync();
        host.Store.ListAsync(true, Arg.Any<CancellationToken>()).Returns([]);
        host.Time.Advance(HostMetricsRefresher.Interval);
        var fresh = await host.ScrapeUntilAsync(m => m.Sample("incidentbot_incidents_open{severity=\"SEV2\",status=\"monitoring\"}") == 0);

        Assert.Equal(3, ListCalls(host));
        Assert.Equal(1, stale.Sample("incidentbot_incidents_open{severity=\"SEV2\",status=\"monitoring\"}"));
        Assert.Equal(0, fresh.Sample("incidentbot_incidents_open{severity=\"SEV2\",status=\"monitoring\"}"));
    }

    [Fact]
    public async Task A_measurement_without_one_of_the_labels_gets_an_empty_value()
    {
        await using var host = await MetricsHost.StartAsync([]);
        var counter = host.Meter("IncidentBot.Slack").CreateCounter<int>("incidentbot.connection.reconnects");

        counter.Add(1, new KeyValuePair<string, object?>("platform", "slack"), new KeyValuePair<string, object?>("reason", "timeout"));
        counter.Add(1, new KeyValuePair<string, object?>("platform", "slack"));
        var metrics = await host.ScrapeAsync();

        Assert.Equal(1, metrics.Sample("incidentbot_connection_reconnects_total{platform=\"slack\",reason=\"timeout\"}"));
        Assert.Equal(1, metrics.Sample("incidentbot_connection_reconnects_total{platform=\"slack\",reason=\"\"}"));
    }

    [Fact]
    public async Task A_negative_counter_increment_is_ignored_rather_than_breaking_the_family()
    {
        await using var host = await MetricsHost.StartAsync([]);
        var counter = host.Meter("IncidentBot.Slack").CreateCounter<long>("incidentbot.platform.api.calls");

        counter.Add(2);
        counter.Add(-1);
        var metrics = await host.ScrapeAsync();

        Assert.Equal(2, metrics.Sample("incidentbot_platform_api_calls_total"));
    }

    private static int ListCalls(MetricsHost host) =>
        host.Store.ReceivedCalls().Count(c => c.GetMethodInfo().Name == nameof(host.Store.ListAsync));
}

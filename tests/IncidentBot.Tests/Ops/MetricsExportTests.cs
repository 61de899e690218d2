using IncidentBot.Core.Incidents;
using IncidentBot.Metrics;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace IncidentBot.Tests.Ops;

public sealed class MetricsExportTests
{
    [Theory]
    [InlineData("counter", "incidentbot.inbound.requests", "{request}", "incidentbot_inbound_requests_total")]
    [InlineData("gauge", "incidentbot.outbox.oldest.age", "s", "incidentbot_outbox_oldest_age_seconds")]
    [InlineData("histogram", "incidentbot.acknowledgement.latency", "s", "incidentbot_acknowledgement_latency_seconds_count")]
    public async Task Instrument_names_become_the_documented_Prometheus_names(string kind, string instrument, string unit, string expected)
    {
        await using var host = await MetricsHost.StartAsync([]);
        var meter = host.Meter("IncidentBot.Naming");
        switch (kind)
        {
            case "counter":
                meter.CreateCounter<long>(instrument, unit).Add(1);
                break;
            case "gauge":
                meter.CreateGauge<double>(instrument, unit).Record(1);
                break;
            default:
                meter.CreateHistogram<double>(instrument, unit).Record(1);
                break;
        }

        var metrics = await host.ScrapeAsync();

        Assert.Equal(1, metrics.Sample(expected));
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
    public async Task A_measurement_without_one_of_the_labels_is_a_series_of_its_own()
    {
        await using var host = await MetricsHost.StartAsync([]);
        var counter = host.Meter("IncidentBot.Slack").CreateCounter<int>("incidentbot.connection.reconnects");

        counter.Add(1, new KeyValuePair<string, object?>("platform", "slack"), new KeyValuePair<string, object?>("reason", "timeout"));
        counter.Add(1, new KeyValuePair<string, object?>("platform", "slack"));
        var metrics = await host.ScrapeAsync();

        Assert.Equal(1, metrics.Sample("incidentbot_connection_reconnects_total{platform=\"slack\",reason=\"timeout\"}"));
        Assert.Equal(1, metrics.Sample("incidentbot_connection_reconnects_total{platform=\"slack\"}"));
    }

    private static int ListCalls(MetricsHost host) =>
        host.Store.ReceivedCalls().Count(c => c.GetMethodInfo().Name == nameof(host.Store.ListAsync));
}

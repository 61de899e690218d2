using System.Diagnostics.Metrics;
using IncidentBot.Core.Diagnostics;
using IncidentBot.Core.Handling;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Reminders;
using IncidentBot.Metrics;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace IncidentBot.Tests.Ops;

public sealed class MetricsEndpointTests
{
    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);

    [Fact]
    public async Task Metrics_is_prometheus_text()
    {
        await using var host = await MetricsHost.StartAsync([]);

        using var response = await host.GetAsync(MetricsSetup.Path);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("0.0.4", response.Content.Headers.ContentType?.Parameters.Single(p => p.Name == "version").Value);
    }

    [Fact]
    public async Task Open_incidents_are_counted_by_severity_and_status_with_zeros_for_the_rest()
    {
        await using var host = await MetricsHost.StartAsync(
        [
            MetricsHost.Incident(1, Severity.Sev1, IncidentStatus.Investigating),
            MetricsHost.Incident(2, Severity.Sev1, IncidentStatus.Investigating),
            MetricsHost.Incident(3, Severity.Sev2, IncidentStatus.Resolved),
        ]);

        var metrics = await host.ScrapeUntilAsync(m => m.HasFamily("incidentbot_incidents_open"));

        Assert.Equal(2, metrics.Sample("incidentbot_incidents_open{severity=\"SEV1\",status=\"investigating\"}"));
        Assert.Equal(1, metrics.Sample("incidentbot_incidents_open{severity=\"SEV2\",status=\"resolved\"}"));
        Assert.Equal(0, metrics.Sample("incidentbot_incidents_open{severity=\"SEV3\",status=\"monitoring\"}"));
        Assert.Equal(12, metrics.Series.Count(s => s.StartsWith("incidentbot_incidents_open{", StringComparison.Ordinal)));
        Assert.DoesNotContain(metrics.Series, s => s.Contains("status=\"closed\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_gauges_follow_the_store_on_each_refresh()
    {
        await using var host = await MetricsHost.StartAsync([MetricsHost.Incident(1, Severity.Sev1, IncidentStatus.Investigating)]);
        await host.ScrapeUntilAsync(m => m.Sample("incidentbot_incidents_open{severity=\"SEV1\",status=\"investigating\"}") == 1);
        host.Store.ListAsync(true, Arg.Any<CancellationToken>())
            .Returns([MetricsHost.Incident(1, Severity.Sev1, IncidentStatus.Identified)]);

        host.Time.Advance(HostMetricsRefresher.Interval);
        var metrics = await host.ScrapeUntilAsync(m => m.Sample("incidentbot_incidents_open{severity=\"SEV1\",status=\"identified\"}") == 1);

        Assert.Equal(1, metrics.Sample("incidentbot_incidents_open{severity=\"SEV1\",status=\"identified\"}"));
        Assert.Equal(0, metrics.Sample("incidentbot_incidents_open{severity=\"SEV1\",status=\"investigating\"}"));
    }

    [Fact]
    public async Task Outbox_depth_and_the_age_of_its_oldest_message_are_exported_and_the_age_grows_with_the_clock()
    {
        await using var host = await MetricsHost.StartAsync([], pending: 3, oldest: MetricsHost.Start.AddSeconds(-90));
        await host.ScrapeUntilAsync(m => m.HasFamily("incidentbot_outbox_pending"));

        host.Time.Advance(TimeSpan.FromSeconds(5));
        var metrics = await host.ScrapeAsync();

        Assert.Equal(3, metrics.Sample("incidentbot_outbox_pending"));
        Assert.Equal(95, metrics.Sample("incidentbot_outbox_oldest_age_seconds"));
    }

    [Fact]
    public async Task An_empty_outbox_has_age_zero()
    {
        await using var host = await MetricsHost.StartAsync([]);

        var metrics = await host.ScrapeUntilAsync(m => m.HasFamily("incidentbot_outbox_pending"));

        Assert.Equal(0, metrics.Sample("incidentbot_outbox_pending"));
        Assert.Equal(0, metrics.Sample("incidentbot_outbox_oldest_age_seconds"));
    }

    [Fact]
    public async Task Acknowledgement_latency_is_a_histogram_by_severity_with_the_targets_as_buckets()
    {
        await using var host = await MetricsHost.StartAsync([]);
        var declared = MetricsHost.Incident(7, Severity.Sev1, IncidentStatus.Investigating);

        host.HostMetrics.RecordAcknowledged(declared with { AcknowledgedAt = declared.DeclaredAt.AddSeconds(200) });
        host.HostMetrics.RecordAcknowledged(declared);
        var metrics = await host.ScrapeAsync();

        Assert.Equal(1, metrics.Sample("incidentbot_acknowledgement_latency_seconds_count{severity=\"SEV1\"}"));
        Assert.Equal(200, metrics.Sample("incidentbot_acknowledgement_latency_seconds_sum{severity=\"SEV1\"}"));
        Assert.Equal(0, metrics.Sample("incidentbot_acknowledgement_latency_seconds_bucket{severity=\"SEV1\",le=\"120\"}"));
        Assert.Equal(1, metrics.Sample("incidentbot_acknowledgement_latency_seconds_bucket{severity=\"SEV1\",le=\"300\"}"));
        Assert.Equal(1, metrics.Sample("incidentbot_acknowledgement_latency_seconds_bucket{severity=\"SEV1\",le=\"900\"}"));
    }

    [Fact]
    public async Task Reminders_sent_are_counted_by_kind()
    {
        await using var host = await MetricsHost.StartAsync([]);
        var at = MetricsHost.Start;

        host.HostMetrics.RecordRemindersSent(
        [
            new SentReminder(new IncidentId(1), ReminderKind.Acknowledge, at, at),
            new SentReminder(new IncidentId(2), ReminderKind.Acknowledge, at, at),
            new SentReminder(new IncidentId(2), ReminderKind.MonitoringWindow, at, at),
        ]);
        var metrics = await host.ScrapeAsync();

        Assert.Equal(2, metrics.Sample("incidentbot_reminders_sent_total{kind=\"acknowledge\"}"));
        Assert.Equal(1, metrics.Sample("incidentbot_reminders_sent_total{kind=\"monitoring_window\"}"));
        Assert.Contains("# TYPE incidentbot_reminders_sent_total counter", metrics.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_platforms_counters_share_one_family_told_apart_by_platform()
    {
        await using var host = await MetricsHost.StartAsync([]);
        var platforms = host.Services.GetRequiredService<PlatformMetrics>();

        platforms.ApiCall(Platform.Slack, "chat.postMessage", "ok");
        platforms.ApiCall(Platform.Slack, "chat.postMessage", "429");
        platforms.ApiCall(Platform.Slack, "chat.postMessage", "429");
        platforms.ApiCall(Platform.Discord, "POST /channels/{id}/messages", "200");
        var metrics = await host.ScrapeAsync();

        Assert.Equal(1, metrics.Sample("incidentbot_platform_api_calls_total{method=\"chat.postMessage\",platform=\"slack\",status=\"ok\"}"));
        Assert.Equal(2, metrics.Sample("incidentbot_platform_api_calls_total{method=\"chat.postMessage\",platform=\"slack\",status=\"429\"}"));
        Assert.Equal(1, metrics.Sample("incidentbot_platform_api_calls_total{method=\"POST /channels/{id}/messages\",platform=\"discord\",status=\"200\"}"));
        Assert.Single(metrics.Text.Split('\n'), l => l == "# TYPE incidentbot_platform_api_calls_total counter");
    }

    [Fact]
    public async Task Inbound_requests_and_reconnects_are_counters_by_platform()
    {
        await using var host = await MetricsHost.StartAsync([]);
        var platforms = host.Services.GetRequiredService<PlatformMetrics>();

        platforms.Inbound(Platform.Discord, "discord_gateway", "accepted");
        platforms.Inbound(Platform.Discord, "discord_gateway", "duplicate");
        platforms.Inbound(Platform.Slack, "slack_http", "rejected_signature");
        platforms.Reconnect(Platform.Discord);
        platforms.Reconnect(Platform.Discord);
        var metrics = await host.ScrapeAsync();

        Assert.Equal(1, metrics.Sample("incidentbot_inbound_requests_total{outcome=\"accepted\",platform=\"discord\",source=\"discord_gateway\"}"));
        Assert.Equal(1, metrics.Sample("incidentbot_inbound_requests_total{outcome=\"duplicate\",platform=\"discord\",source=\"discord_gateway\"}"));
        Assert.Equal(1, metrics.Sample("incidentbot_inbound_requests_total{outcome=\"rejected_signature\",platform=\"slack\",source=\"slack_http\"}"));
        Assert.Equal(2, metrics.Sample("incidentbot_connection_reconnects_total{platform=\"discord\"}"));
    }

    [Fact]
    public async Task Meters_outside_IncidentBot_and_its_instrumentation_are_not_exported()
    {
        await using var host = await MetricsHost.StartAsync([]);
        host.Meter("IncidentBotExtra").CreateCounter<long>("extra.calls").Add(1);
        host.Meter("Other.Library").CreateCounter<long>("other.calls").Add(1);

        var metrics = await host.ScrapeAsync();

        Assert.False(metrics.HasFamily("extra_calls_total"));
        Assert.False(metrics.HasFamily("other_calls_total"));
    }

    [Fact]
    public async Task Requests_to_the_host_are_measured_by_route_and_status()
    {
        await using var host = await MetricsHost.StartAsync([]);
        await host.GetAsync("/nothing-here");

        var metrics = await host.ScrapeAsync();

        Assert.Contains(metrics.Series, s => s.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
            && s.Contains("http_response_status_code=\"404\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Meters_of_another_host_in_the_same_process_are_not_exported()
    {
        await using var host = await MetricsHost.StartAsync([]);
        using var other = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var otherMeter = other.GetRequiredService<IMeterFactory>().Create("IncidentBot.Slack");
        var mine = host.Meter("IncidentBot.Slack").CreateCounter<long>("incidentbot.inbound.requests");

        otherMeter.CreateCounter<long>("incidentbot.inbound.requests").Add(5, Tag("source", "slack_http"), Tag("outcome", "accepted"));
        mine.Add(1, Tag("source", "slack_http"), Tag("outcome", "accepted"));
        var metrics = await host.ScrapeAsync();

        Assert.Equal(1, metrics.Sample("incidentbot_inbound_requests_total{outcome=\"accepted\",source=\"slack_http\"}"));
    }

    [Fact]
    public async Task A_scraper_asking_for_OpenMetrics_gets_counters_in_that_form()
    {
        await using var host = await MetricsHost.StartAsync([]);
        host.HostMetrics.RecordRemindersSent([new SentReminder(new IncidentId(1), ReminderKind.Update, MetricsHost.Start, MetricsHost.Start)]);

        using var response = await host.GetAsync(MetricsSetup.Path, "application/openmetrics-text; version=1.0.0");
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).TrimEnd().Split('\n');

        Assert.Equal("application/openmetrics-text", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE incidentbot_reminders_sent counter", lines);
        Assert.Contains("incidentbot_reminders_sent_total{kind=\"update\"} 1", lines);
        Assert.Equal("# EOF", lines[^1]);
    }

    [Fact]
    public async Task The_running_version_is_exported()
    {
        await using var host = await MetricsHost.StartAsync([]);

        var metrics = await host.ScrapeAsync();

        Assert.Contains(metrics.Series, s => s.StartsWith("incidentbot_build_info{version=\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Process_metrics_are_exported_beside_the_bots_own()
    {
        await using var host = await MetricsHost.StartAsync([]);

        var metrics = await host.ScrapeAsync();

        Assert.True(metrics.HasFamily("dotnet_process_memory_working_set_bytes"));
        Assert.True(metrics.HasFamily("dotnet_process_cpu_time_seconds_total"));
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using IncidentBot.Metrics;
using IncidentBot.Testing.Fakes.Slack;
using IncidentBot.Tests.Infrastructure;
using IncidentBot.Tests.Slack;
using OpenTelemetry.Trace;

namespace IncidentBot.Tests.Ops;

public sealed class TracingTests
{
    [Fact]
    public async Task One_trace_runs_from_the_platforms_request_through_the_commit_to_the_platform_call()
    {
        var spans = new ConcurrentQueue<Activity>();
        await using var slack = await FakeSlack.StartAsync();
        slack.AddUser("U0JENS", "Jens");
        var settings = SlackBot.Settings(slack, "http");

        // Tracing is on when an OTLP endpoint is set; nothing listens on this loopback port, the spans are read in memory.
        settings[MetricsSetup.OtlpEndpointKey] = "http://127.0.0.1:9";
        await using var app = new BotApplication(settings, services: s => s.ConfigureOpenTelemetryTracerProvider(
            t => t.AddInMemoryExporter(new SpanSink(spans)))).Start();
        using var client = app.CreateClient();
        var driver = new HttpSlackDriver(slack, client, SlackBot.SigningSecret, app.Time);

        await driver.CommandAsync("declare sev2 Search is slow", "U0JENS", "trig-trace");

        // Activity sources are process-wide, so spans of other tests' bots running in parallel land here too: the
        // trace is found from the call to this test's fake, whose port no other test uses.
        var postMessage = new Uri(slack.ApiBaseUrl, "chat.postMessage").ToString();
        var call = await Eventually.MatchAsync(
            () => Task.FromResult(spans.FirstOrDefault(c => c.Kind == ActivityKind.Client
                && (string?)c.GetTagItem("url.full") == postMessage
                && spans.Any(d => IsRootDelivery(d) && d.SpanId == c.ParentSpanId))),
            c => c is not null && HasEnded(spans, c.TraceId));
        Assert.NotNull(call);

        var delivery = Assert.Single(spans, d => IsRootDelivery(d) && d.SpanId == call.ParentSpanId);
        var trace = spans.Where(s => s.TraceId == delivery.TraceId).ToList();
        var request = Assert.Single(trace, s => s.Kind == ActivityKind.Server && (string?)s.GetTagItem("url.path") == "/slack/commands");
        var inbound = Assert.Single(trace, s => s.OperationName == "incidentbot.inbound");
        var decide = Assert.Single(trace, s => s.OperationName == "incidentbot.decide");
        Assert.Equal(request.SpanId, inbound.ParentSpanId);
        Assert.Equal(inbound.SpanId, decide.ParentSpanId);
        Assert.Equal(decide.SpanId, delivery.ParentSpanId);

        // The trace context went out with the call: the platform's side of it (here the fake) joins the same trace.
        Assert.Contains(trace, s => s.Kind == ActivityKind.Server && s.ParentSpanId == call.SpanId);
        var commit = Assert.Single(spans, s => s.OperationName == "incidentbot.commit" && s.Links.Any(l => l.Context.SpanId == inbound.SpanId));
        Assert.NotEqual(trace[0].TraceId, commit.TraceId);
    }

    /// <summary>
    /// A server span ends after its response went out, so the bot's request and the fake's answer to the call may end
    /// after the call itself did.
    /// </summary>
    private static bool HasEnded(IEnumerable<Activity> spans, ActivityTraceId trace) =>
        spans.Count(s => s.TraceId == trace && s.Kind == ActivityKind.Server) >= 2;

    private static bool IsRootDelivery(Activity span) => span.OperationName == "incidentbot.outbox.deliver"
        && (string?)span.GetTagItem("incidentbot.outbox.intent") == "PostRootMessage";

    /// <summary>The exporter's collection; spans end on many threads.</summary>
    private sealed class SpanSink(ConcurrentQueue<Activity> spans) : ICollection<Activity>
    {
        public int Count => spans.Count;

        public bool IsReadOnly => false;

        public void Add(Activity item) => spans.Enqueue(item);

        public void Clear() => spans.Clear();

        public bool Contains(Activity item) => spans.Contains(item);

        public void CopyTo(Activity[] array, int arrayIndex) => spans.CopyTo(array, arrayIndex);

        public bool Remove(Activity item) => throw new NotSupportedException();

        public IEnumerator<Activity> GetEnumerator() => spans.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

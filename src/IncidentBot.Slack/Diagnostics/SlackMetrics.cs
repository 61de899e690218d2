using System.Diagnostics.Metrics;

namespace IncidentBot.Slack.Diagnostics;

/// <summary>
/// The adapter's instruments on the <c>IncidentBot.Slack</c> meter, exported by the host: Web API calls by
/// method and status (HTTP code, or the <c>ok:false</c> error code), inbound requests by source and outcome,
/// and Socket Mode reconnects.
/// </summary>
internal sealed class SlackMetrics
{
    public const string MeterName = "IncidentBot.Slack";

    private const string Platform = "slack";

    private readonly Counter<long> _apiCalls;
    private readonly Counter<long> _inbound;
    private readonly Counter<long> _reconnects;

    public SlackMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _apiCalls = meter.CreateCounter<long>("incidentbot.platform.api.calls", description: "Slack Web API calls by method and outcome.");
        _inbound = meter.CreateCounter<long>("incidentbot.inbound.requests", description: "Inbound Slack requests and envelopes by outcome.");
        _reconnects = meter.CreateCounter<long>("incidentbot.connection.reconnects", description: "Socket Mode reconnects.");
    }

    public void ApiCall(string method, string status) =>
        _apiCalls.Add(1,
            new KeyValuePair<string, object?>("platform", Platform),
            new KeyValuePair<string, object?>("method", method),
            new KeyValuePair<string, object?>("status", status));

    public void Inbound(string source, string outcome) =>
        _inbound.Add(1,
            new KeyValuePair<string, object?>("source", source),
            new KeyValuePair<string, object?>("outcome", outcome));

    public void Reconnect() => _reconnects.Add(1, new KeyValuePair<string, object?>("platform", Platform));
}

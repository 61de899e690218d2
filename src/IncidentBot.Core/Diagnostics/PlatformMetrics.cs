using System.Diagnostics.Metrics;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Diagnostics;

/// <summary>
/// The instruments every chat platform shares, on the meter <c>IncidentBot.Platforms</c>, told apart by their
/// <c>platform</c> tag: calls to the platform's API, inputs from it and what became of them, and reconnects. Each
/// adapter records its calls, reconnects and the inputs it turns away before Core sees them; the host records the
/// outcome of every input it handles (<see cref="Handled"/>).
/// </summary>
public sealed class PlatformMetrics
{
    public const string MeterName = "IncidentBot.Platforms";

    private readonly Counter<long> _apiCalls;
    private readonly Counter<long> _inbound;
    private readonly Counter<long> _reconnects;

    public PlatformMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _apiCalls = meter.CreateCounter<long>(
            "incidentbot.platform.api.calls",
            unit: "{call}",
            description: "Calls to the platforms' APIs, by platform, method (Slack method or Discord route) and status (HTTP status or Slack error code).");
        _inbound = meter.CreateCounter<long>(
            "incidentbot.inbound.requests",
            unit: "{request}",
            description: "Inputs from the platforms, by platform, source and outcome.");
        _reconnects = meter.CreateCounter<long>(
            "incidentbot.connection.reconnects",
            unit: "{reconnect}",
            description: "Reconnects of the platforms' live connections (Slack Socket Mode, the Discord gateway).");
    }

    /// <summary>The <c>platform</c> label: <c>slack</c>, <c>discord</c>.</summary>
    public static string Label(Platform platform) => platform.ToString().ToLowerInvariant();

    public void ApiCall(Platform platform, string method, string status) =>
        _apiCalls.Add(1, new KeyValuePair<string, object?>("platform", Label(platform)), new("method", method), new("status", status));

    /// <summary>An input the adapter settled itself: <c>invalid</c>, <c>ignored</c>, <c>rejected_signature</c>, <c>duplicate</c>, <c>accepted</c>.</summary>
    public void Inbound(Platform platform, string source, string outcome) =>
        _inbound.Add(1, new KeyValuePair<string, object?>("platform", Label(platform)), new("source", source), new("outcome", outcome));

    /// <summary>An input Core handled; not counted when no platform sent it (<see cref="InboundContext.Source"/> is null).</summary>
    public void Handled(InboundEvent inbound, InboundResult result)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        if (inbound.Context.Source is { } source)
        {
            Inbound(inbound.Context.Workspace.Platform, source, result.ToString().ToLowerInvariant());
        }
    }

    public void Reconnect(Platform platform) => _reconnects.Add(1, new KeyValuePair<string, object?>("platform", Label(platform)));
}

using System.Diagnostics.Metrics;

namespace IncidentBot.Discord.Diagnostics;

/// <summary>The adapter's counters (meter <c>IncidentBot.Discord</c>), exported by the host.</summary>
internal sealed class DiscordMetrics
{
    public const string MeterName = "IncidentBot.Discord";

    private readonly Counter<long> _apiCalls;
    private readonly Counter<long> _inbound;
    private readonly Counter<long> _reconnects;

    public DiscordMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _apiCalls = meter.CreateCounter<long>("incidentbot.platform.api.calls", description: "Calls to the Discord REST API, by route template and status.");
        _inbound = meter.CreateCounter<long>("incidentbot.inbound.requests", description: "Inputs from Discord, by source and outcome.");
        _reconnects = meter.CreateCounter<long>("incidentbot.connection.reconnects", description: "Gateway reconnections.");
    }

    public void ApiCall(string route, string status) =>
        _apiCalls.Add(1, new KeyValuePair<string, object?>("platform", "discord"), new("method", route), new("status", status));

    /// <summary><paramref name="source"/> is <c>discord_gateway</c> or <c>discord_http</c>.</summary>
    public void Inbound(string source, string outcome) =>
        _inbound.Add(1, new KeyValuePair<string, object?>("source", source), new("outcome", outcome));

    public void Reconnect() => _reconnects.Add(1, new KeyValuePair<string, object?>("platform", "discord"));
}

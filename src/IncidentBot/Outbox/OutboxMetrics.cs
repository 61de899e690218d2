using System.Diagnostics.Metrics;

namespace IncidentBot.Outbox;

/// <summary>
/// The dispatcher's instruments (meter <c>IncidentBot.Outbox</c>): retries by cause, messages given up by reason,
/// and whether delivery is parked because storage cannot record outcomes. The backlog gauges (pending, oldest age)
/// come from the store through <see cref="Metrics.HostMetrics"/>.
/// </summary>
internal sealed class OutboxMetrics
{
    public const string MeterName = "IncidentBot.Outbox";

    private readonly Counter<long> _retries;
    private readonly Counter<long> _dropped;
    private volatile int _parked;

    public OutboxMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _retries = meter.CreateCounter<long>(
            "incidentbot.outbox.retries",
            unit: "{attempt}",
            description: "Delivery attempts that will be repeated, by cause (rate_limited, unavailable, unexpected).");
        _dropped = meter.CreateCounter<long>(
            "incidentbot.outbox.dropped",
            unit: "{message}",
            description: "Messages given up for good, by reason (expired: a reply handle outlived; rejected: the platform refused).");
        meter.CreateObservableGauge(
            "incidentbot.outbox.parked",
            () => _parked,
            description: "1 while delivery is parked because the database cannot record outcomes (disk full); 0 otherwise.");
    }

    public void Retry(string cause) => _retries.Add(1, new KeyValuePair<string, object?>("cause", cause));

    public void Dropped(string reason) => _dropped.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Parked(bool parked) => _parked = parked ? 1 : 0;
}

using System.Diagnostics.Metrics;
using IncidentBot.Core.Handling;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Reminders;
using IncidentBot.Hosting;

namespace IncidentBot.Metrics;

/// <summary>
/// The host's own instruments, on the meter <c>IncidentBot.Host</c>. The host calls <see cref="RecordAcknowledged"/>
/// and <see cref="RecordRemindersSent"/>; the gauges read the snapshot <see cref="HostMetricsRefresher"/> keeps fresh.
/// </summary>
internal sealed class HostMetrics
{
    public const string MeterName = "IncidentBot.Host";

    /// <summary>
    /// Acknowledgement latency buckets in seconds: SEV1's 5-minute and SEV2's 15-minute targets are boundaries, and
    /// SEV3's "next business day" fits under the 3-day bucket (a Friday-evening incident is acknowledged on Monday).
    /// </summary>
    internal static readonly IReadOnlyList<double> AcknowledgementBuckets =
        [30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400, 259200];

    /// <summary>Open means not closed: resolved incidents still count, they are in their monitoring window.</summary>
    internal static readonly IncidentStatus[] OpenStatuses =
        [IncidentStatus.Investigating, IncidentStatus.Identified, IncidentStatus.Monitoring, IncidentStatus.Resolved];

    private readonly TimeProvider _time;
    private readonly Histogram<double> _acknowledgementLatency;
    private readonly Counter<long> _remindersSent;
    private readonly KeyValuePair<string, object?>[] _buildTags;
    private volatile HostMetricsSnapshot? _snapshot;

    public HostMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        _time = time;
        _buildTags = [new("version", StartupReport.Version())];

        // The factory owns the meter and disposes it with the host.
        var meter = meterFactory.Create(MeterName);
        _acknowledgementLatency = meter.CreateHistogram(
            "incidentbot.acknowledgement.latency",
            unit: "s",
            description: "Time from declaring an incident to its first acknowledgement, by severity.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = AcknowledgementBuckets });
        _remindersSent = meter.CreateCounter<long>(
            "incidentbot.reminders.sent",
            unit: "{reminder}",
            description: "Reminders queued for the thread, by clock (acknowledge, update, monitoring_window, postmortem).");
        meter.CreateObservableGauge(
            "incidentbot.incidents.open",
            ObserveOpenIncidents,
            unit: "{incident}",
            description: "Incidents not yet closed, by severity and status.");
        meter.CreateObservableGauge(
            "incidentbot.outbox.pending",
            ObserveOutboxPending,
            unit: "{message}",
            description: "Outgoing chat messages waiting in the outbox (not yet delivered, not failed for good).");
        meter.CreateObservableGauge(
            "incidentbot.outbox.oldest.age",
            ObserveOldestPendingAge,
            unit: "s",
            description: "Age of the oldest message waiting in the outbox; 0 when the outbox is empty.");
        meter.CreateObservableGauge(
            "incidentbot.build.info",
            () => new Measurement<int>(1, _buildTags),
            description: "Always 1; the version label names the running build (with its git commit).");
    }

    /// <summary>
    /// Call once when an incident's first acknowledgement has been committed (its <see cref="Incident.AcknowledgedAt"/>
    /// was just set), with the incident as saved. An incident that is not acknowledged is ignored.
    /// </summary>
    public void RecordAcknowledged(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.AcknowledgedAt is not { } acknowledgedAt)
        {
            return;
        }

        var latency = acknowledgedAt - incident.DeclaredAt;
        _acknowledgementLatency.Record(
            Math.Max(0, latency.TotalSeconds),
            new KeyValuePair<string, object?>("severity", incident.Severity.Label()));
    }

    /// <summary>Call with what <see cref="ReminderRunner.RunDueAsync"/> returned, after it returned.</summary>
    public void RecordRemindersSent(IEnumerable<SentReminder> reminders)
    {
        ArgumentNullException.ThrowIfNull(reminders);
        foreach (var reminder in reminders)
        {
            _remindersSent.Add(1, new KeyValuePair<string, object?>("kind", KindLabel(reminder.Kind)));
        }
    }

    /// <summary>The label value for a reminder clock: <c>monitoring_window</c>, as Prometheus labels go.</summary>
    internal static string KindLabel(ReminderKind kind) => kind switch
    {
        ReminderKind.Acknowledge => "acknowledge",
        ReminderKind.Update => "update",
        ReminderKind.MonitoringWindow => "monitoring_window",
        ReminderKind.Postmortem => "postmortem",
        _ => kind.ToString().ToLowerInvariant(),
    };

    internal static string StatusLabel(IncidentStatus status) => status.ToString().ToLowerInvariant();

    internal void Update(HostMetricsSnapshot snapshot) => _snapshot = snapshot;

    /// <summary>Every severity × open status, zeros included, so a dashboard shows 0 rather than no data.</summary>
    private IEnumerable<Measurement<int>> ObserveOpenIncidents()
    {
        if (_snapshot is not { } snapshot)
        {
            yield break;
        }

        foreach (var severity in Enum.GetValues<Severity>())
        {
            foreach (var status in OpenStatuses)
            {
                yield return new Measurement<int>(
                    snapshot.OpenIncidents.GetValueOrDefault((severity, status)),
                    new KeyValuePair<string, object?>("severity", severity.Label()),
                    new KeyValuePair<string, object?>("status", StatusLabel(status)));
            }
        }
    }

    private IEnumerable<Measurement<int>> ObserveOutboxPending()
    {
        if (_snapshot is { } snapshot)
        {
            yield return new Measurement<int>(snapshot.OutboxPending);
        }
    }

    /// <summary>Measured against the clock now, not at the snapshot, so a stuck message's age keeps growing between refreshes.</summary>
    private IEnumerable<Measurement<double>> ObserveOldestPendingAge()
    {
        if (_snapshot is { } snapshot)
        {
            var age = snapshot.OldestPendingAt is { } oldest ? (_time.GetUtcNow() - oldest).TotalSeconds : 0;
            yield return new Measurement<double>(Math.Max(0, age));
        }
    }
}

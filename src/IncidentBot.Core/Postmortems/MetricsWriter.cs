using System.Globalization;
using System.Text;
using IncidentBot.Core.Handling;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Reminders;

namespace IncidentBot.Core.Postmortems;

/// <summary>
/// The draft's last section, the response metrics none of the template's sources has (DESIGN.md §2): each against
/// the severity's target, marked on time or not; clock times and people as the rest of the draft shows them.
/// </summary>
internal sealed class MetricsWriter(Incident incident, IncidentPolicy policy, DraftWriter draft)
{
    public void Write(StringBuilder sb, ResponseMetrics m, int responders)
    {
        sb.Append("## Response metrics\n\n| Metric | Value | Target |\n|---|---|---|\n");
        if (m.DetectedAt is { } detected)
        {
            MetricRow(sb, "Time to detect → declare → acknowledge", DetectionValue(m, detected), "—");
        }

        MetricRow(sb, "Time to acknowledge", AckValue(m), AckTarget(m));
        MetricRow(sb, "Updates on time", UpdatesValue(m), UpdatesTarget(m));
        MetricRow(sb, "Longest silence", SilenceValue(m), SilenceTarget(m));
        MetricRow(sb, "Reminders sent", RemindersValue(m), "—");
        MetricRow(sb, "Time to resolve", m.TimeToResolve is { } ttr ? Durations.Format(ttr) : "not resolved", "—");
        MetricRow(sb, "Responders", responders.ToString(CultureInfo.InvariantCulture), "—");
        MetricRow(sb, "Thread messages", m.Messages.ToString(CultureInfo.InvariantCulture), "—");

        sb.Append("\nTime in each status:\n\n| Status | Time |\n|---|---|\n");
        foreach (var time in m.TimeInStatus)
        {
            sb.Append("| ").Append(time.Status.ToString()).Append(" | ").Append(Durations.Format(time.Time)).Append(" |\n");
        }
    }

    /// <summary>From the alert's start: <c>detected 08:47 → declared +1 min → acknowledged +3 min (4 min from detection)</c>.</summary>
    private string DetectionValue(ResponseMetrics m, DateTimeOffset detected)
    {
        var toDeclare = m.DeclaredAt - detected;
        var value = $"detected {draft.Clock(detected)} → declared +{Durations.Format(toDeclare)} → acknowledged ";
        return m.TimeToAcknowledge is { } ack
            ? value + $"+{Durations.Format(ack)} ({Durations.Format(toDeclare + ack)} from detection)"
            : value + "never";
    }

    private static void MetricRow(StringBuilder sb, string name, string value, string target) =>
        sb.Append("| ").Append(name).Append(" | ").Append(value).Append(" | ").Append(target).Append(" |\n");

    private string AckValue(ResponseMetrics m) => m.TimeToAcknowledge is { } t
        ? Durations.Format(t) + (incident.AcknowledgedBy is { } by ? " by " + draft.Handle(by) : string.Empty)
        : "not acknowledged";

    private string AckTarget(ResponseMetrics m)
    {
        var severity = m.AckSeverity.Label();
        var target = policy.For(m.AckSeverity).AckWithin is { } within
            ? $"{Durations.Format(within)} ({severity})"
            : $"09:00 next business day, {draft.Local(m.AckDueAt)} ({severity})";
        if (m.TimeToAcknowledge is not { } t)
        {
            return target + " ⚠️";
        }

        return m.AcknowledgedOnTime ? target + " ✅" : $"{target} ⚠️ {Durations.Format(m.DeclaredAt + t - m.AckDueAt)} late";
    }

    private static string UpdatesValue(ResponseMetrics m) => m switch
    {
        { HadCadence: false } => $"{m.UpdatesPosted} posted",
        { UpdatesDue: 0 } => "none due",
        _ => string.Create(CultureInfo.InvariantCulture, $"{m.UpdatesOnTime} of {m.UpdatesDue}"),
    };

    private string UpdatesTarget(ResponseMetrics m)
    {
        var severity = incident.Severity;
        if (!m.HadCadence)
        {
            return $"no update cadence at {severity.Label()}";
        }

        // Downgraded to a severity without a cadence: the earlier severities' cadences are what was measured.
        var target = policy.For(severity).UpdateEvery is { } every
            ? $"every {Durations.Format(every)} ({severity.Label()})"
            : "the cadence of each severity while it applied";
        return m.UpdatesOnTime == m.UpdatesDue ? target + " ✅" : target + " ⚠️";
    }

    private string SilenceValue(ResponseMetrics m) => m.LongestSilence is { } s
        ? $"{Durations.Format(s.Length)} ({draft.Clock(s.From)} → {draft.Clock(s.To)})"
        : "—";

    private static string SilenceTarget(ResponseMetrics m) => m.LongestSilence is { Cadence: { } cadence } s
        ? Durations.Format(cadence) + (s.Length > cadence ? " ⚠️" : " ✅")
        : "—";

    private static string RemindersValue(ResponseMetrics m)
    {
        if (m.RemindersSent == 0)
        {
            return "0";
        }

        var parts = m.Reminders.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Count} {ReminderName(r.Kind)}"));
        return string.Create(CultureInfo.InvariantCulture, $"{m.RemindersSent}: {string.Join(", ", parts)}");
    }

    private static string ReminderName(ReminderKind kind) => kind switch
    {
        ReminderKind.Acknowledge => "acknowledge",
        ReminderKind.Update => "update",
        ReminderKind.MonitoringWindow => "monitoring window",
        ReminderKind.Postmortem => "postmortem",
        _ => kind.ToString(),
    };
}

using IncidentBot.Core.Incidents;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Postmortems;

namespace IncidentBot.Core.Dashboard;

/// <summary>
/// The response metrics of one incident as the dashboard shows them: the same numbers as the postmortem's
/// Response metrics section (DESIGN.md §2), computed by the same walk over the timeline.
/// </summary>
public sealed record IncidentReport
{
    public required TimeSpan? TimeToAcknowledge { get; init; }

    /// <summary>The severity whose acknowledgement target applied.</summary>
    public required Severity AckSeverity { get; init; }

    public required DateTimeOffset AckDueAt { get; init; }

    public required bool AcknowledgedOnTime { get; init; }

    public required TimeSpan? TimeToResolve { get; init; }

    public required bool HadCadence { get; init; }

    public required int UpdatesPosted { get; init; }

    public required int UpdatesDue { get; init; }

    public required int UpdatesOnTime { get; init; }

    public required DateTimeOffset? LongestSilenceFrom { get; init; }

    public required DateTimeOffset? LongestSilenceTo { get; init; }

    /// <summary>The cadence in force when the longest silence ended; null when the severity had none.</summary>
    public required TimeSpan? LongestSilenceCadence { get; init; }

    public required int RemindersSent { get; init; }

    public required IReadOnlyList<KeyValuePair<IncidentStatus, TimeSpan>> TimeInStatus { get; init; }

    public TimeSpan? LongestSilence => LongestSilenceTo - LongestSilenceFrom;

    /// <summary>From the whole timeline; deleted entries are left out, as the postmortem leaves them out.</summary>
    public static IncidentReport Compute(Incident incident, IEnumerable<TimelineEntry> timeline, IncidentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(policy);
        var live = timeline.Where(e => !e.Deleted).OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        var m = ResponseMetrics.Compute(incident, live, policy);
        return new IncidentReport
        {
            TimeToAcknowledge = m.TimeToAcknowledge,
            AckSeverity = m.AckSeverity,
            AckDueAt = m.AckDueAt,
            AcknowledgedOnTime = m.AcknowledgedOnTime,
            TimeToResolve = m.TimeToResolve,
            HadCadence = m.HadCadence,
            UpdatesPosted = m.UpdatesPosted,
            UpdatesDue = m.UpdatesDue,
            UpdatesOnTime = m.UpdatesOnTime,
            LongestSilenceFrom = m.LongestSilence?.From,
            LongestSilenceTo = m.LongestSilence?.To,
            LongestSilenceCadence = m.LongestSilence?.Cadence,
            RemindersSent = m.RemindersSent,
            TimeInStatus = [.. m.TimeInStatus.Select(s => KeyValuePair.Create(s.Status, s.Time))],
        };
    }
}

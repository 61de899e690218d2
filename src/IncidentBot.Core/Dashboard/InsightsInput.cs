using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Dashboard;

/// <summary>
/// What the insights are computed from: incidents, and of their timelines only the entries that move the
/// response clocks (declare, updates, status and severity changes), oldest first per incident.
/// </summary>
public sealed record InsightsInput(IReadOnlyList<Incident> Incidents, ILookup<IncidentId, TimelineEntry> Timelines)
{
    /// <summary>The timeline kinds <see cref="Timelines"/> holds.</summary>
    public static IReadOnlyList<TimelineKind> Kinds { get; } =
        [TimelineKind.Declared, TimelineKind.Update, TimelineKind.StatusChanged, TimelineKind.SeverityChanged];
}

using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Persistence;

/// <summary>The last entries of a timeline, oldest first, and how many entries the same filter matches in all.</summary>
public sealed record TimelineTail(IReadOnlyList<TimelineEntry> Entries, int Total);

using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Postmortems;

/// <summary>How long the incident spent in one status, summed over every visit.</summary>
internal sealed record StatusTime(IncidentStatus Status, TimeSpan Time);

using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Alerts;

/// <summary>One of our incidents linked to one PagerDuty incident; a PagerDuty incident links to one of ours.</summary>
public sealed record PagerDutyLink(IncidentId IncidentId, string PagerDutyId, string? Url, DateTimeOffset LinkedAt);

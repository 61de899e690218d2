namespace IncidentBot.Core.Leases;

/// <summary>A lease taken, with the state its last holder left (null when there is none).</summary>
public sealed record LeaseGrant(string? State);

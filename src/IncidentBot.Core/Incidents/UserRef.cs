namespace IncidentBot.Core.Incidents;

/// <summary>A person on a platform: their id (for mentions) and the name shown when they acted.</summary>
public sealed record UserRef(string Id, string Name);

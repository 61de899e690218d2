namespace IncidentBot.Storage.Incidents;

/// <summary>An <c>incident_responders</c> row; <see cref="Position"/> keeps the order people joined in.</summary>
internal sealed record ResponderRow
{
    public long IncidentNumber { get; init; }

    public long Position { get; init; }

    public required string UserId { get; init; }

    public required string UserName { get; init; }
}

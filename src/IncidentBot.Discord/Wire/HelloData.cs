namespace IncidentBot.Discord.Wire;

internal sealed record HelloData
{
    public long HeartbeatInterval { get; init; }
}

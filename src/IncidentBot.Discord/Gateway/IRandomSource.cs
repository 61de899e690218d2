namespace IncidentBot.Discord.Gateway;

/// <summary>Where the gateway's jitter comes from; tests fix it so heartbeat timing is deterministic.</summary>
internal interface IRandomSource
{
    /// <summary>A number in [0, 1).</summary>
    double NextDouble();
}

namespace IncidentBot.Discord.Gateway;

internal sealed class SharedRandomSource : IRandomSource
{
    public double NextDouble() => Random.Shared.NextDouble();
}

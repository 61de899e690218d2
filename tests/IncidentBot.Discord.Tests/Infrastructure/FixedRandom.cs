using IncidentBot.Discord.Gateway;

namespace IncidentBot.Discord.Tests.Infrastructure;

internal sealed class FixedRandom(double value) : IRandomSource
{
    public double NextDouble() => value;
}

namespace IncidentBot.Core.Commands;

/// <summary>Why a command was refused, and the right form.</summary>
public sealed record CommandError(string Problem, string Usage)
{
    public override string ToString() => $"{Problem} Usage: `{Usage}`";
}

namespace IncidentBot.Discord.Wire;

internal sealed record ReadyApplication
{
    public string? Id { get; init; }
}

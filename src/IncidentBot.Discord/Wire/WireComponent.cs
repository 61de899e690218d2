namespace IncidentBot.Discord.Wire;

/// <summary>
/// A message or modal component: action row (1), button (2), text input (4), label (18). One shape for what
/// the bot sends and what a modal submission returns: https://docs.discord.com/developers/components/reference
/// </summary>
internal sealed record WireComponent
{
    public int Type { get; init; }

    public int? Style { get; init; }

    public string? Label { get; init; }

    public string? CustomId { get; init; }

    public bool? Disabled { get; init; }

    public string? Value { get; init; }

    public string? Placeholder { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public bool? Required { get; init; }

    public IReadOnlyList<WireComponent>? Components { get; init; }

    public WireComponent? Component { get; init; }
}

namespace IncidentBot.Discord.Wire;

/// <summary>The <c>data</c> of a command (name, options, resolved), a component (custom_id) or a modal submit.</summary>
internal sealed record InteractionData
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<InteractionOption>? Options { get; init; }

    public InteractionResolved? Resolved { get; init; }

    public string? CustomId { get; init; }

    public int? ComponentType { get; init; }

    public IReadOnlyList<WireComponent>? Components { get; init; }
}

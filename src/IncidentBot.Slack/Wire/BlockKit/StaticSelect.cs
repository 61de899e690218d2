namespace IncidentBot.Slack.Wire.BlockKit;

/// <summary>A drop-down of fixed options.</summary>
internal sealed record StaticSelect : InputElement
{
    public string Type { get; } = "static_select";

    public required string ActionId { get; init; }

    public required IReadOnlyList<SelectOption> Options { get; init; }
}

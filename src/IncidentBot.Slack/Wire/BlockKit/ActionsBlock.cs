namespace IncidentBot.Slack.Wire.BlockKit;

/// <summary>A row of buttons; <see cref="BlockId"/> comes back in <c>block_actions</c>.</summary>
internal sealed record ActionsBlock : Block
{
    public string Type { get; } = "actions";

    public required string BlockId { get; init; }

    public required IReadOnlyList<Button> Elements { get; init; }
}

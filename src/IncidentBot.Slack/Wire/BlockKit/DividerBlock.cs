namespace IncidentBot.Slack.Wire.BlockKit;

/// <summary>A horizontal rule.</summary>
internal sealed record DividerBlock : Block
{
    public string Type { get; } = "divider";
}

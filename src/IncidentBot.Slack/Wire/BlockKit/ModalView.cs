namespace IncidentBot.Slack.Wire.BlockKit;

/// <summary>A modal as <c>views.open</c> takes it (<see href="https://docs.slack.dev/reference/views/modal-views"/>).</summary>
internal sealed record ModalView
{
    public string Type { get; } = "modal";

    public required string CallbackId { get; init; }

    /// <summary>Comes back unchanged in the submission.</summary>
    public required string PrivateMetadata { get; init; }

    public required PlainTextObject Title { get; init; }

    public required PlainTextObject Submit { get; init; }

    public required PlainTextObject Close { get; init; }

    public required IReadOnlyList<Block> Blocks { get; init; }
}

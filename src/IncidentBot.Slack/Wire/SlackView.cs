namespace IncidentBot.Slack.Wire;

/// <summary>A modal as submitted (or as returned by <c>views.open</c>).</summary>
internal sealed record SlackView
{
    public string? Id { get; init; }

    public string? CallbackId { get; init; }

    public string? PrivateMetadata { get; init; }

    public string? Hash { get; init; }

    public ViewState? State { get; init; }
}

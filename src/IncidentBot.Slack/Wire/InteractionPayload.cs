namespace IncidentBot.Slack.Wire;

/// <summary>
/// The <c>payload</c> of <c>/slack/interactivity</c> (or a Socket Mode <c>interactive</c> envelope):
/// <c>block_actions</c> and <c>view_submission</c> are handled, the rest acknowledged and ignored
/// (<see href="https://docs.slack.dev/interactivity/handling-user-interaction"/>).
/// </summary>
internal sealed record InteractionPayload
{
    public string? Type { get; init; }

    public InteractionTeam? Team { get; init; }

    public InteractionUser? User { get; init; }

    public string? TriggerId { get; init; }

    public string? ResponseUrl { get; init; }

    public InteractionContainer? Container { get; init; }

    public InteractionChannel? Channel { get; init; }

    public SlackMessage? Message { get; init; }

    public IReadOnlyList<BlockAction>? Actions { get; init; }

    public SlackView? View { get; init; }
}

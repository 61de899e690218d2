using System.Text.Json.Serialization;

namespace IncidentBot.Slack.Wire;

/// <summary>
/// The inner event: <c>message</c> (with its subtypes), <c>app_mention</c>, <c>reaction_added</c>,
/// <c>reaction_removed</c> (<see href="https://docs.slack.dev/reference/events"/>).
/// </summary>
internal sealed record SlackEvent
{
    public string? Type { get; init; }

    public string? Subtype { get; init; }

    public string? User { get; init; }

    public string? BotId { get; init; }

    public string? Text { get; init; }

    public string? Ts { get; init; }

    public string? ThreadTs { get; init; }

    public string? Channel { get; init; }

    public string? EventTs { get; init; }

    public string? DeletedTs { get; init; }

    [JsonConverter(typeof(LenientMessageConverter))]
    public SlackMessage? Message { get; init; }

    [JsonConverter(typeof(LenientMessageConverter))]
    public SlackMessage? PreviousMessage { get; init; }

    public string? Reaction { get; init; }

    public ReactionItem? Item { get; init; }

    public IReadOnlyList<SlackFile>? Files { get; init; }
}

namespace IncidentBot.Slack.Wire;

/// <summary>A message object, as nested in <c>message_changed</c> events and API responses.</summary>
internal sealed record SlackMessage
{
    public string? Type { get; init; }

    public string? Subtype { get; init; }

    public string? User { get; init; }

    public string? BotId { get; init; }

    public string? Text { get; init; }

    public string? Ts { get; init; }

    public string? ThreadTs { get; init; }

    public MessageEdit? Edited { get; init; }

    public IReadOnlyList<SlackFile>? Files { get; init; }

    /// <summary>As history reads list them: each emoji with (some of) the people who reacted.</summary>
    public IReadOnlyList<SlackReaction>? Reactions { get; init; }

    /// <summary>Only listed when the read asked for it (<c>include_all_metadata</c>).</summary>
    public SlackMessageMetadata? Metadata { get; init; }
}

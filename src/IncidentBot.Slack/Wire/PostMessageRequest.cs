using IncidentBot.Slack.Wire.BlockKit;

namespace IncidentBot.Slack.Wire;

/// <summary>
/// <c>chat.postMessage</c>. Our text is escaped mrkdwn, so links and mentions are only the ones we wrote; nothing is
/// unfurled. Only this method takes the two unfurl flags (slack.md §6); <c>chat.update</c> and <c>chat.postEphemeral</c> do not.
/// </summary>
internal sealed record PostMessageRequest
{
    public required string Text { get; init; }

    public IReadOnlyList<Block>? Blocks { get; init; }

    public required string Channel { get; init; }

    /// <summary>Always false; so is <see cref="UnfurlMedia"/>.</summary>
    public bool UnfurlLinks { get; }

    public bool UnfurlMedia { get; }

    public string? ThreadTs { get; init; }

    public SlackMessageMetadata? Metadata { get; init; }
}

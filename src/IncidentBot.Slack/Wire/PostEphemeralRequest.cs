using IncidentBot.Slack.Wire.BlockKit;

namespace IncidentBot.Slack.Wire;

/// <summary><c>chat.postEphemeral</c>: a message only <see cref="User"/> sees.</summary>
internal sealed record PostEphemeralRequest
{
    public required string Text { get; init; }

    public IReadOnlyList<Block>? Blocks { get; init; }

    public required string Channel { get; init; }

    public required string User { get; init; }

    public string? ThreadTs { get; init; }
}

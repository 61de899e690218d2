using IncidentBot.Slack.Wire.BlockKit;

namespace IncidentBot.Slack.Wire;

/// <summary><c>chat.update</c>: the message at <see cref="Ts"/> replaced whole.</summary>
internal sealed record UpdateMessageRequest
{
    public required string Text { get; init; }

    public IReadOnlyList<Block>? Blocks { get; init; }

    public required string Channel { get; init; }

    public required string Ts { get; init; }
}

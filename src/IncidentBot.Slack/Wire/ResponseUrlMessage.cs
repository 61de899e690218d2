using IncidentBot.Slack.Wire.BlockKit;

namespace IncidentBot.Slack.Wire;

/// <summary>A private follow-up through <c>response_url</c> that leaves the original message alone.</summary>
internal sealed record ResponseUrlMessage
{
    public string ResponseType { get; } = "ephemeral";

    /// <summary>Always false: the message the follow-up answers stays as it was.</summary>
    public bool ReplaceOriginal { get; }

    public required string Text { get; init; }

    public IReadOnlyList<Block>? Blocks { get; init; }
}

namespace IncidentBot.Slack.Wire;

/// <summary>A <c>response_action: errors</c> answer: the modal stays open and shows each message under its input block.</summary>
internal sealed record ViewErrorsReply : SlackReply
{
    public string ResponseAction { get; } = "errors";

    /// <summary>Message by block id.</summary>
    public required IReadOnlyDictionary<string, string> Errors { get; init; }
}

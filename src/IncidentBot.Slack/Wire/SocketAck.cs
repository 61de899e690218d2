namespace IncidentBot.Slack.Wire;

/// <summary>The acknowledgement of a Socket Mode envelope, with the reply as <see cref="Payload"/> when there is one.</summary>
internal sealed record SocketAck
{
    public required string EnvelopeId { get; init; }

    public SlackReply? Payload { get; init; }
}

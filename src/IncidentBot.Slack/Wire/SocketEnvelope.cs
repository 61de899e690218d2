using System.Text.Json;

namespace IncidentBot.Slack.Wire;

/// <summary>
/// A Socket Mode frame: <c>hello</c>, <c>disconnect</c> (with its reason), or an envelope of type
/// <c>events_api</c>, <c>slash_commands</c> or <c>interactive</c> to acknowledge by <c>envelope_id</c>
/// (<see href="https://docs.slack.dev/apis/events-api/using-socket-mode"/>).
/// </summary>
internal sealed record SocketEnvelope
{
    public string? Type { get; init; }

    public string? EnvelopeId { get; init; }

    public JsonElement Payload { get; init; }

    public bool AcceptsResponsePayload { get; init; }

    public int? RetryAttempt { get; init; }

    public string? Reason { get; init; }

    public int? NumConnections { get; init; }
}

using System.Text.Json.Nodes;

namespace IncidentBot.Testing.Fakes.Slack;

/// <summary>One Web API call as the fake received it: method, auth header, content type and arguments.</summary>
public sealed record FakeSlackCall(
    string Method,
    string? Authorization,
    string? ContentType,
    IReadOnlyDictionary<string, string> Form,
    JsonObject? Json,
    int Status,
    DateTimeOffset ReceivedAt)
{
    /// <summary>An argument, whether it came form-encoded or as JSON.</summary>
    public string? Arg(string name) =>
        Form.TryGetValue(name, out var value) ? value
        : Json?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s
        : Json?[name]?.ToJsonString();
}

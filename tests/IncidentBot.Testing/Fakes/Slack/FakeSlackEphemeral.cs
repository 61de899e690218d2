using System.Text.Json.Nodes;

namespace IncidentBot.Testing.Fakes.Slack;

/// <summary>A private message: <c>chat.postEphemeral</c> or a post to a <c>response_url</c>.</summary>
public sealed record FakeSlackEphemeral(string? Channel, string? User, string? ThreadTs, string? ResponseUrlId, JsonObject Body)
{
    public string Text => Body["text"]?.GetValue<string>() ?? string.Empty;
}

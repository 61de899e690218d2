using System.Text.Json.Nodes;

namespace IncidentBot.Testing.Fakes.Slack;

/// <summary>A modal the bot opened with <c>views.open</c>.</summary>
public sealed record FakeSlackView(string Id, string Hash, string TriggerId, JsonObject View)
{
    public string? CallbackId => View["callback_id"]?.GetValue<string>();

    public string? PrivateMetadata => View["private_metadata"]?.GetValue<string>();
}

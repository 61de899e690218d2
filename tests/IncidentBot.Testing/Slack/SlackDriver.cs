using System.Text.Json.Nodes;
using IncidentBot.Testing.Fakes.Slack;

namespace IncidentBot.Testing.Slack;

/// <summary>How a test speaks for Slack to the bot: signed HTTP requests, or envelopes over Socket Mode.</summary>
internal abstract class SlackDriver(FakeSlack slack)
{
    protected FakeSlack Slack { get; } = slack;

    /// <summary>Sends a slash command; returns what the bot answered at once (the ephemeral reply), if anything.</summary>
    public abstract Task<JsonNode?> CommandAsync(IReadOnlyDictionary<string, string> fields);

    public abstract Task EventAsync(JsonObject inner, string eventId);

    /// <summary>Sends an interaction payload; returns the immediate answer body (e.g. modal errors), if any.</summary>
    public abstract Task<JsonNode?> InteractionAsync(JsonObject payload);

    /// <summary>
    /// A slash command typed in the incidents channel by <paramref name="user"/>; its <c>response_url</c> is the
    /// fake's, named after the trigger unless given.
    /// </summary>
    public Task<JsonNode?> CommandAsync(string text, string user, string trigger, Uri? responseUrl = null) =>
        CommandAsync(SlackPayloads.SlashCommand(text, user, trigger, responseUrl ?? Slack.ResponseUrl(trigger)));
}

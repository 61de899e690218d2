using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Testing.Fakes.Slack;

namespace IncidentBot.Testing.Slack;

/// <summary>Slack's HTTP mode: each request signed with the signing secret, posted to <c>/slack/*</c>.</summary>
internal sealed class HttpSlackDriver(FakeSlack slack, HttpClient client, string secret, TimeProvider clock) : SlackDriver(slack)
{
    public override async Task<JsonNode?> CommandAsync(IReadOnlyDictionary<string, string> fields) =>
        await PostAsync("/slack/commands", SlackPayloads.Form(fields), "application/x-www-form-urlencoded");

    public override async Task EventAsync(JsonObject inner, string eventId) =>
        await PostAsync("/slack/events", SlackPayloads.EventCallback(inner, eventId).ToJsonString(), "application/json");

    public override async Task<JsonNode?> InteractionAsync(JsonObject payload) =>
        await PostAsync("/slack/interactivity", "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded");

    /// <summary>The same event again, as Slack retries it (<c>X-Slack-Retry-Num</c>).</summary>
    public async Task RetryEventAsync(JsonObject inner, string eventId, int retry)
    {
        using var request = SlackSigner.Request("/slack/events", SlackPayloads.EventCallback(inner, eventId).ToJsonString(), "application/json",
            secret, clock.GetUtcNow());
        request.Headers.Add("X-Slack-Retry-Num", retry.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<JsonNode?> PostAsync(string path, string body, string contentType)
    {
        using var request = SlackSigner.Request(path, body, contentType, secret, clock.GetUtcNow());
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }
}

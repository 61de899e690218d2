using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Testing.Fakes.Slack;
using IncidentBot.Tests.Fakes.PagerDuty;
using IncidentBot.Tests.Slack;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Tests.Alerts;

/// <summary>
/// The real host with the alert intake and PagerDuty sync on, wired to <see cref="FakeSlack"/> (HTTP mode) and
/// <see cref="FakePagerDuty"/> through configuration alone. Webhooks are signed by this harness's own HMAC code.
/// </summary>
internal sealed class AlertsBot : IAsyncDisposable
{
    public const string AlertsToken = "e2e-alerts-token-0123456789abcdef";
    public const string WebhookSecret = "e2e-pagerduty-secret-0123456789";
    public const string OldWebhookSecret = "e2e-pagerduty-secret-retired-000";
    public const string PagerDutyToken = "e2e-pagerduty-api-token";
    public const string From = "incidentbot@example.org";

    /// <summary>Half a minute after the captured alerts started (fixtures: startsAt 08:47:40.277Z).</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 3, 8, 48, 10, TimeSpan.Zero);

    private AlertsBot(SlackBot slack, FakePagerDuty pagerDuty)
    {
        Chat = slack;
        PagerDuty = pagerDuty;
    }

    public SlackBot Chat { get; }

    public FakePagerDuty PagerDuty { get; }

    public FakeSlack Slack => Chat.Slack;

    /// <summary>Starts the bot at <paramref name="start"/> (default <see cref="Start"/>), with more settings from <paramref name="configure"/>.</summary>
    public static async Task<AlertsBot> StartAsync(Action<Dictionary<string, string?>>? configure = null, DateTimeOffset? start = null)
    {
        var pagerDuty = await FakePagerDuty.StartAsync();
        var slack = await SlackBot.StartAsync("http", start ?? Start, settings =>
        {
            settings["Alerts:Token"] = AlertsToken;
            settings["Alerts:Workspace"] = FakeSlack.TeamId;
            settings["PagerDuty:WebhookSecret"] = WebhookSecret;
            settings["PagerDuty:ApiToken"] = PagerDutyToken;
            settings["PagerDuty:From"] = From;
            settings["PagerDuty:ApiBaseUrl"] = pagerDuty.BaseUrl.ToString();
            configure?.Invoke(settings);
        });
        return new AlertsBot(slack, pagerDuty);
    }

    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Alerts", "Fixtures", name));

    /// <summary>A captured PagerDuty event re-pointed at <paramref name="incident"/> with a fresh event id.</summary>
    public static byte[] PageEvent(string fixture, string incident, string eventId)
    {
        var json = JsonNode.Parse(Fixture(fixture))!;
        json["event"]!["id"] = eventId;
        var data = json["event"]!["data"]!;
        (data["incident"] ?? data)["id"] = incident;
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body)> PostAlertAsync(string path, byte[] body, string? token = AlertsToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return await SendAsync(request);
    }

    /// <summary>Posts a PagerDuty event signed, as PagerDuty does, with each of <paramref name="secrets"/>.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> PostPageAsync(byte[] body, params string[] secrets)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/pagerduty/webhook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var signatures = (secrets.Length == 0 ? [WebhookSecret] : secrets)
            .Select(s => "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(s), body)));
        request.Headers.TryAddWithoutValidation("X-PagerDuty-Signature", string.Join(',', signatures));
        return await SendAsync(request);
    }

    /// <summary>Whether the message carries a button with this <c>action_id</c>.</summary>
    public static bool HasButton(FakeSlackMessage message, string actionId) =>
        message.Blocks?.ToJsonString().Contains($"\"action_id\":\"{actionId}\"", StringComparison.Ordinal) == true;

    /// <summary>Rows of a table, read straight from the database: what "nothing stored" means.</summary>
    public long Count(string table)
    {
        using var connection = new SqliteConnection($"{Chat.App.ConnectionString};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    public async Task<JsonArray> IncidentsAsync()
    {
        var json = await Chat.Client.GetStringAsync(new Uri("/api/incidents", UriKind.Relative), TestContext.Current.CancellationToken);
        return JsonNode.Parse(json)!.AsArray();
    }

    public async ValueTask DisposeAsync()
    {
        await Chat.DisposeAsync();
        await PagerDuty.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpRequestMessage request)
    {
        // The API client carries the operator token; webhooks carry their own credentials or none.
        using var client = Chat.App.CreateClient();
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}

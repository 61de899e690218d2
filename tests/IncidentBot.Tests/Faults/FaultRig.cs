using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Dapper;
using IncidentBot.Testing.Fakes.Slack;
using IncidentBot.Tests.Infrastructure;
using IncidentBot.Tests.Slack;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Tests.Faults;

/// <summary>
/// The fault suite's bench: the real executable (<see cref="RunningBot"/>) in Slack HTTP mode against a
/// <see cref="FakeSlack"/>, on a SQLite file that outlives each process so a test can kill the bot and start it again
/// on the same database. Requests are signed as Slack signs them; an answer that never came (refused, reset, timed out,
/// or cut off by a restart) is <c>null</c>, which is what makes Slack redeliver an event.
/// </summary>
internal sealed class FaultRig : IAsyncDisposable
{
    public const string IncidentId = "INC-1";

    private readonly Dictionary<string, string> _environment;

    private FaultRig(FakeSlack slack, string folder, string databasePath, Dictionary<string, string> environment)
    {
        Slack = slack;
        Folder = folder;
        DatabasePath = databasePath;
        _environment = environment;
    }

    public FakeSlack Slack { get; }

    public string Folder { get; }

    public string DatabasePath { get; }

    /// <summary>The bot process now running; replaced by <see cref="RestartAsync"/>.</summary>
    public RunningBot Bot { get; private set; } = null!;

    /// <summary>How many processes were started on this database.</summary>
    public int Starts { get; private set; }

    /// <summary>Starts the fake and the bot; <paramref name="databaseFolder"/> puts the database elsewhere (a small tmpfs).</summary>
    public static async Task<FaultRig> StartAsync(IReadOnlyDictionary<string, string>? settings = null, string? databaseFolder = null)
    {
        var slack = await FakeSlack.StartAsync();
        slack.AddUser("U0JENS", "Jens");
        var folder = Directory.CreateTempSubdirectory("incidentbot-faults-").FullName;
        var database = Path.Combine(databaseFolder ?? folder, "incidentbot.db");
        var environment = new Dictionary<string, string>
        {
            ["Slack__BotToken"] = FakeSlack.BotToken,
            ["Slack__ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
            ["Slack__IncidentsChannel"] = SlackPayloads.Channel,
            ["Slack__SigningSecret"] = SlackBot.SigningSecret,
            ["Api__Token"] = SlackBot.ApiToken,
            ["Storage__ConnectionString"] = $"Data Source={database}",
            ["Logging__LogLevel__IncidentBot.Outbox"] = "Debug",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var rig = new FaultRig(slack, folder, database, environment);
        await rig.StartBotAsync();
        return rig;
    }

    /// <summary>kill -9, then a new process on the same database.</summary>
    public async Task RestartAsync()
    {
        Bot.Kill();
        await Bot.DisposeAsync();
        await StartBotAsync();
    }

    /// <summary>A slash command in the incidents channel; null when the bot gave no answer (killed, not listening).</summary>
    public async Task<HttpStatusCode?> CommandAsync(string text, string trigger, Uri? responseUrl = null, string user = "U0JENS") =>
        (await CommandWithReplyAsync(text, trigger, responseUrl, user)).Status;

    /// <summary>As <see cref="CommandAsync"/>, with the text of the bot's immediate (ephemeral) answer.</summary>
    public async Task<(HttpStatusCode? Status, string Reply)> CommandWithReplyAsync(string text, string trigger, Uri? responseUrl = null, string user = "U0JENS")
    {
        var (status, body) = await PostAsync("/slack/commands",
            SlackPayloads.Form(SlackPayloads.SlashCommand(text, user, trigger, responseUrl ?? Slack.ResponseUrl(trigger))),
            "application/x-www-form-urlencoded", retry: 0);
        var reply = body is { Length: > 0 } && body.TrimStart().StartsWith('{') ? JsonNode.Parse(body)?["text"]?.GetValue<string>() : body;
        return (status, reply ?? string.Empty);
    }

    /// <summary>An Events API delivery; <paramref name="retry"/> above 0 is a redelivery, marked as Slack marks it.</summary>
    public async Task<HttpStatusCode?> EventAsync(JsonObject inner, string eventId, int retry) =>
        (await PostAsync("/slack/events", SlackPayloads.EventCallback(inner, eventId).ToJsonString(), "application/json", retry)).Status;

    /// <summary>The incident as the operator API shows it (null while the bot does not answer).</summary>
    public async Task<JsonNode?> IncidentAsync(string id = IncidentId)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/incidents/{id}", UriKind.Relative));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SlackBot.ApiToken);
            using var response = await Bot.Client.SendAsync(request, TestContext.Current.CancellationToken);
            return response.IsSuccessStatusCode
                ? JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
                : null;
        }
        catch (Exception e) when (e is HttpRequestException or ObjectDisposedException)
        {
            return null;
        }
    }

    /// <summary>The texts of the incident's timeline entries.</summary>
    public async Task<IReadOnlyList<string>> TimelineTextsAsync() =>
        (await IncidentAsync())?["timeline"]?.AsArray().Select(e => e?["text"]?.GetValue<string>() ?? string.Empty).ToList() ?? [];

    public async Task<HttpStatusCode?> ReadyAsync()
    {
        try
        {
            using var response = await Bot.Client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The outbox rows, read from the file behind the bot's back.</summary>
    public async Task<IReadOnlyList<OutboxRow>> OutboxAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return (await connection.QueryAsync<OutboxRow>(
            "SELECT id AS Id, kind AS Kind, state AS State, attempts AS Attempts FROM outbox ORDER BY id")).AsList();
    }

    /// <summary>Waits until nothing is pending in the outbox.</summary>
    public Task DrainedAsync(TimeSpan? budget = null) =>
        Eventually.AssertAsync(
            async () => (await OutboxAsync()).All(r => r.State != "pending"),
            "the outbox to drain",
            budget ?? TimeSpan.FromSeconds(60));

    /// <summary>Bot messages carrying an outbox delivery key (<c>INC-1.42</c>) in their metadata.</summary>
    public IReadOnlyList<FakeSlackMessage> MessagesWithKey(string key) =>
        Slack.Messages.Where(m => m.Metadata?["event_payload"]?["key"]?.GetValue<string>() == key).ToList();

    /// <summary>Bot messages posted in the incident's thread whose text contains <paramref name="text"/>.</summary>
    public IReadOnlyList<FakeSlackMessage> ThreadPosts(string text) =>
        Slack.Messages.Where(m => m.ThreadTs is not null && m.Text.Contains(text, StringComparison.Ordinal)).ToList();

    /// <summary>Declares the SEV1 the tests work on and waits until its root and thread are posted.</summary>
    public async Task<string> DeclareAsync(string title = "Checkout is down", Uri? responseUrl = null)
    {
        Assert.Equal(HttpStatusCode.OK, await CommandAsync($"declare sev1 {title}", "trig-declare", responseUrl));
        await Eventually.AssertAsync(() => Slack.StartedThreads.Count > 0, "the status doc and the welcome in its thread");
        return Slack.StartedThreads[0].Ts;
    }

    public string Describe() => $"--- bot output (start {Starts}) ---\n{Bot.Output}";

    public async ValueTask DisposeAsync()
    {
        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }

        await Slack.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    private async Task StartBotAsync()
    {
        Bot = await RunningBot.StartAsync(_environment, Folder);
        Starts++;
    }

    private async Task<(HttpStatusCode? Status, string? Body)> PostAsync(string path, string body, string contentType, int retry)
    {
        using var request = SlackSigner.Request(path, body, contentType, SlackBot.SigningSecret, TimeProvider.System.GetUtcNow());
        if (retry > 0)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_error");
        }

        try
        {
            using var response = await Bot.Client.SendAsync(request, TestContext.Current.CancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        catch (Exception e) when (e is HttpRequestException or ObjectDisposedException
            || (e is TaskCanceledException && !TestContext.Current.CancellationToken.IsCancellationRequested))
        {
            return (null, null);
        }
    }

    internal sealed record OutboxRow
    {
        public long Id { get; init; }

        public required string Kind { get; init; }

        public required string State { get; init; }

        public long Attempts { get; init; }
    }
}

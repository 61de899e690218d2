using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using IncidentBot.Testing.Fakes.Slack;
using IncidentBot.Tests.Infrastructure;

namespace IncidentBot.Tests.Slack;

/// <summary>
/// The real host wired to a <see cref="FakeSlack"/> through configuration alone, in HTTP mode (signing secret)
/// or Socket Mode (app token), with the operator API on to read what was recorded.
/// </summary>
internal sealed class SlackBot : IAsyncDisposable
{
    public const string SigningSecret = "e2e-signing-secret-0123456789abcdef";
    public const string ApiToken = "e2e-api-token-0123456789abcdef";

    private readonly TestEngine _engine;

    private SlackBot(FakeSlack slack, BotApplication app, HttpClient client, SlackDriver driver, TestEngine engine)
    {
        _engine = engine;
        Slack = slack;
        App = app;
        Client = client;
        Driver = driver;
    }

    public FakeSlack Slack { get; }

    public BotApplication App { get; }

    public HttpClient Client { get; }

    public SlackDriver Driver { get; }

    public static async Task<SlackBot> StartAsync(string mode, string engine = TestEngine.Sqlite) => await StartAsync(mode, null, null, engine);

    /// <summary>As <see cref="StartAsync(string, string)"/>, from <paramref name="start"/> and with more settings (other features' keys).</summary>
    public static async Task<SlackBot> StartAsync(string mode, DateTimeOffset? start, Action<Dictionary<string, string?>>? configure, string engine = TestEngine.Sqlite)
    {
        var database = await TestEngine.CreateAsync(engine);
        var slack = await FakeSlack.StartAsync();
        slack.AddUser("U0JENS", "Jens");
        slack.AddUser("U0MARIA", "Maria");
        var settings = Settings(slack, mode);
        settings["Api:Token"] = ApiToken;
        configure?.Invoke(settings);
        var app = new BotApplication(settings, start, connectionString: database.ConnectionString).Start();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiToken);
        SlackDriver driver = mode == "socket" ? new SocketSlackDriver(slack) : new HttpSlackDriver(slack, client, SigningSecret, app.Time);
        if (mode == "socket")
        {
            await Eventually.AssertAsync(() => slack.SocketConnected, "the Socket Mode connection");
        }

        return new SlackBot(slack, app, client, driver, database);
    }

    /// <summary>The configuration that points the host at <paramref name="slack"/>, in HTTP or Socket Mode.</summary>
    public static Dictionary<string, string?> Settings(FakeSlack slack, string mode) => new()
    {
        ["Slack:BotToken"] = FakeSlack.BotToken,
        ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
        ["Slack:IncidentsChannel"] = SlackPayloads.Channel,
        [mode == "socket" ? "Slack:AppToken" : "Slack:SigningSecret"] = mode == "socket" ? FakeSlack.AppToken : SigningSecret,
    };

    /// <summary>The incident as the operator API shows it, with its timeline.</summary>
    public async Task<JsonNode> IncidentAsync(string id)
    {
        var json = await Client.GetStringAsync(new Uri($"/api/incidents/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        return JsonNode.Parse(json)!;
    }

    public async Task<JsonArray> TimelineAsync(string id) => (await IncidentAsync(id))["timeline"]!.AsArray();

    /// <summary>Root messages (the status docs): posted without a thread.</summary>
    public IReadOnlyList<FakeSlackMessage> Roots => Slack.Messages.Where(m => m.ThreadTs is null).ToList();

    public IReadOnlyList<FakeSlackMessage> ThreadOf(string rootTs) => Slack.Messages.Where(m => m.ThreadTs == rootTs).ToList();

    /// <summary>Moves the fake clock a second at a time until <paramref name="condition"/> holds (throttled edits, retries).</summary>
    public async Task AdvanceUntilAsync(Func<bool> condition, string what, int maxSeconds = 120)
    {
        for (var i = 0; i < maxSeconds && !condition(); i++)
        {
            App.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(30), TimeProvider.System, TestContext.Current.CancellationToken);
        }

        await Eventually.AssertAsync(condition, what, TimeSpan.FromSeconds(5));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Slack.DisposeAsync();
        await _engine.DisposeAsync();
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;
using IncidentBot.Testing.Fakes.Discord;
using IncidentBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Discord;

/// <summary>The real host configured for Discord against a <see cref="FakeDiscord"/>, with people who type in it.</summary>
internal sealed class DiscordBot : IAsyncDisposable
{
    public const string Ana = "1400000000000000001";

    public const string Bob = "1400000000000000002";

    private readonly TestEngine _engine;

    private long _nextEvent;

    private DiscordBot(FakeDiscord discord, BotApplication app, TestEngine engine)
    {
        _engine = engine;
        Discord = discord;
        App = app;
    }

    public FakeDiscord Discord { get; }

    public BotApplication App { get; }

    public IIncidentReader Store => App.Services.GetRequiredService<IIncidentReader>();

    public static async Task<DiscordBot> StartAsync(IReadOnlyDictionary<string, string?>? extra = null, string engine = TestEngine.Sqlite)
    {
        var database = await TestEngine.CreateAsync(engine);
        var discord = await FakeDiscord.StartAsync();
        var settings = Settings(discord);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = new BotApplication(settings, connectionString: database.ConnectionString).Start();
        var bot = new DiscordBot(discord, app, database);
        await Eventually.AssertAsync(() => discord.Gateway.SessionId is not null, "the gateway session (READY)");
        return bot;
    }

    /// <summary>The configuration that points the host at <paramref name="discord"/>.</summary>
    public static Dictionary<string, string?> Settings(FakeDiscord discord) => new()
    {
        ["Discord:BotToken"] = FakeDiscord.BotToken,
        ["Discord:ApplicationId"] = discord.ApplicationId,
        ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl.ToString(),
        ["Discord:IncidentsChannel"] = discord.IncidentsChannelId,
    };

    public string NextId() => (1_700_000_000_000_000_000 + Interlocked.Increment(ref _nextEvent)).ToString(CultureInfo.InvariantCulture);

    public Task<long> CommandAsync(string channelId, string userId, string subcommand, params (string Name, int Type, JsonNode Value)[] options) =>
        Discord.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordPayloads.SlashCommand(Discord, channelId, NextId(), userId, Name(userId), subcommand, options));

    public async Task<string> SayAsync(string threadId, string userId, string text)
    {
        var id = NextId();
        await Discord.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordPayloads.Message(Discord, threadId, id, text, userId, Name(userId), App.Time.GetUtcNow()));
        return id;
    }

    public Task<long> ReactAsync(string channelId, string messageId, string emoji, string userId) =>
        Discord.Gateway.DispatchAsync("MESSAGE_REACTION_ADD", DiscordPayloads.Reaction(Discord, channelId, messageId, emoji, userId, Name(userId)));

    public Task<long> ClickAsync(string channelId, string messageId, string customId, string userId) =>
        Discord.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordPayloads.Button(Discord, channelId, NextId(), userId, Name(userId), customId, messageId));

    public async Task<Incident> IncidentAsync(long number) =>
        await Store.FindAsync(new IncidentId(number), TestContext.Current.CancellationToken) ?? throw new InvalidOperationException($"INC-{number} not found");

    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(long number) =>
        await Store.GetTimelineAsync(new IncidentId(number), TestContext.Current.CancellationToken);

    /// <summary>Waits for a condition while letting the fake clock move a second at a time (status-doc edits are throttled to one a second).</summary>
    public Task UntilAsync(Func<Task<bool>> condition, string what) =>
        Eventually.AssertAsync(async () =>
        {
            if (await condition())
            {
                return true;
            }

            App.Time.Advance(TimeSpan.FromSeconds(1));
            return false;
        }, what, TimeSpan.FromSeconds(20));

    public Task UntilAsync(Func<bool> condition, string what) => UntilAsync(() => Task.FromResult(condition()), what);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Discord.DisposeAsync();
        await _engine.DisposeAsync();
    }

    private static string Name(string userId) => userId == Ana ? "Ana" : "Bob";
}

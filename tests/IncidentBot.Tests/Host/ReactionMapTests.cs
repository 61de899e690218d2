using System.Text.Json.Nodes;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;
using IncidentBot.Testing.Fakes.Discord;
using IncidentBot.Testing.Fakes.Slack;
using IncidentBot.Tests.Discord;
using IncidentBot.Tests.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Host;

/// <summary>
/// The reaction map is configuration, and both platforms read it the same way (DESIGN.md §11): a server's or
/// workspace's custom emoji acknowledges, another standard emoji marks a key event, and the bot confirms with the
/// configured emoji, each in the platform's own form.
/// </summary>
public sealed class ReactionMapTests
{
    private static readonly Dictionary<string, string?> Reactions = new()
    {
        ["Incidents:Reactions:Acknowledge"] = "eyes,ack",
        ["Incidents:Reactions:KeyEvent"] = "star",
        ["Incidents:Reactions:Confirmed"] = "heavy_check_mark",
    };

    [Theory]
    [InlineData(Platform.Slack)]
    [InlineData(Platform.Discord)]
    public async Task A_configured_custom_emoji_acknowledges_and_a_configured_key_event_emoji_is_confirmed(Platform platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await chat.DeclareAsync();
        var said = await chat.SayAsync("error rate is 18%");

        await chat.ReactWithCustomEmojiOnRootAsync("ack");
        await chat.ReactOnThreadMessageAsync(said, "star");

        await chat.UntilAsync(async () => (await chat.IncidentAsync()).AcknowledgedBy?.Id == chat.Responder, "the custom :ack: acknowledges");
        await chat.UntilAsync(async () => (await chat.TimelineAsync()).Single(e => e.SourceMessageId == said).Key, "the :star: marks the key event");
        await chat.UntilAsync(() => Task.FromResult(chat.Confirmed(said)), "the bot confirms with the configured emoji");
        Assert.Equal(platform == Platform.Slack ? "heavy_check_mark" : "✔️", chat.ConfirmationEmoji(said));
    }

    [Theory]
    [InlineData(Platform.Slack)]
    [InlineData(Platform.Discord)]
    public async Task A_default_emoji_left_out_of_the_map_no_longer_acknowledges(Platform platform)
    {
        await using var chat = await Chat.StartAsync(platform, new() { ["Incidents:Reactions:Acknowledge"] = "ack" });
        await chat.DeclareAsync();

        await chat.ReactOnRootAsync(platform == Platform.Slack ? "eyes" : "👀");
        await chat.SayAsync("still looking");
        var before = await chat.IncidentAsync();
        await chat.ReactWithCustomEmojiOnRootAsync("ack");

        Assert.Null(before.AcknowledgedAt);
        await chat.UntilAsync(async () => (await chat.IncidentAsync()).AcknowledgedBy?.Id == chat.Responder, "the custom :ack: acknowledges");
    }

    /// <summary>The same few steps on either platform, through its fake and the real host.</summary>
    private sealed class Chat : IAsyncDisposable
    {
        private readonly SlackBot? _slack;
        private readonly DiscordBot? _discord;
        private string _root = string.Empty;
        private string _thread = string.Empty;

        private Chat(SlackBot? slack, DiscordBot? discord)
        {
            _slack = slack;
            _discord = discord;
        }

        public string Responder => _slack is null ? DiscordBot.Bob : "U0MARIA";

        public static async Task<Chat> StartAsync(Platform platform, Dictionary<string, string?>? overrides = null)
        {
            var settings = new Dictionary<string, string?>(Reactions);
            foreach (var (key, value) in overrides ?? [])
            {
                settings[key] = value;
            }

            return platform == Platform.Slack
                ? new Chat(await SlackBot.StartAsync("http", null, s => { foreach (var (k, v) in settings) { s[k] = v; } }), null)
                : new Chat(null, await DiscordBot.StartAsync(settings));
        }

        public async Task DeclareAsync()
        {
            if (_slack is { } slack)
            {
                await slack.Driver.CommandAsync("declare sev1 Checkout is down", "U0JENS", "trig-declare");
                await Eventually.AssertAsync(() => slack.Slack.StartedThreads.Count == 1, "the status doc and its thread");
                _root = _thread = slack.Slack.StartedThreads[0].Ts;
                return;
            }

            var discord = _discord!;
            await discord.CommandAsync(discord.Discord.IncidentsChannelId, DiscordBot.Ana, "declare",
                ("severity", 3, JsonValue.Create("sev1")), ("title", 3, JsonValue.Create("Checkout is down")));
            await discord.UntilAsync(() => discord.Discord.StartedThreads.Count == 1, "the status doc and its thread");
            _root = Assert.Single(discord.Discord.MessagesIn(discord.Discord.IncidentsChannelId)).Id;
            _thread = discord.Discord.StartedThreads[0];
        }

        public async Task<string> SayAsync(string text)
        {
            if (_slack is { } slack)
            {
                var ts = slack.Slack.NextTs();
                await slack.Driver.EventAsync(SlackPayloads.ThreadReply(Responder, text, ts, _root), "Ev-" + ts);
                return ts;
            }

            var said = await _discord!.SayAsync(_thread, Responder, text);
            await UntilAsync(async () => (await TimelineAsync()).Any(e => e.SourceMessageId == said), "the message on the timeline");
            return said;
        }

        public Task ReactOnRootAsync(string emoji) => ReactAsync(_root, emoji, customId: null);

        public Task ReactWithCustomEmojiOnRootAsync(string name) => ReactAsync(_root, name, customId: "1500000000000000777");

        public Task ReactOnThreadMessageAsync(string messageId, string name) =>
            ReactAsync(messageId, _slack is null ? name switch { "star" => "⭐", _ => name } : name, customId: null);

        public bool Confirmed(string messageId) => ConfirmationEmoji(messageId) is not null;

        public string? ConfirmationEmoji(string messageId) => _slack is { } slack
            ? slack.Slack.Reactions.FirstOrDefault(r => r.Ts == messageId)?.Name
            : _discord!.Discord.Reactions.Where(r => r.Message == messageId).Select(r => r.Emoji).FirstOrDefault();

        public async Task<Incident> IncidentAsync() =>
            await Store.FindAsync(new IncidentId(1), TestContext.Current.CancellationToken) ?? throw new InvalidOperationException("INC-1 not found");

        public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync() =>
            await Store.GetTimelineAsync(new IncidentId(1), TestContext.Current.CancellationToken);

        public Task UntilAsync(Func<Task<bool>> condition, string what) =>
            _discord is { } discord ? discord.UntilAsync(condition, what) : Eventually.AssertAsync(condition, what);

        public async ValueTask DisposeAsync()
        {
            if (_slack is not null)
            {
                await _slack.DisposeAsync();
            }

            if (_discord is not null)
            {
                await _discord.DisposeAsync();
            }
        }

        private IIncidentReader Store => (_slack?.App ?? _discord!.App).Services.GetRequiredService<IIncidentReader>();

        private async Task ReactAsync(string messageId, string emoji, string? customId)
        {
            if (_slack is { } slack)
            {
                // Slack names a workspace's custom emoji just by its name.
                var ts = slack.Slack.NextTs();
                await slack.Driver.EventAsync(SlackPayloads.Reaction(true, Responder, emoji, messageId, ts), "Ev-react-" + ts);
                return;
            }

            var discord = _discord!;
            var channel = messageId == _root ? discord.Discord.IncidentsChannelId : _thread;
            var reaction = DiscordPayloads.Reaction(discord.Discord, channel, messageId, emoji, Responder, "Bob");
            reaction["emoji"]!["id"] = customId;
            await discord.Discord.Gateway.DispatchAsync("MESSAGE_REACTION_ADD", reaction);
        }
    }
}

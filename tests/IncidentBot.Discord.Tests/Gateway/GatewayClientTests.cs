using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using IncidentBot.Core.Diagnostics;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;
using IncidentBot.Discord.Gateway;
using IncidentBot.Discord.Tests.Infrastructure;
using IncidentBot.Testing.Fakes.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using NSubstitute;

namespace IncidentBot.Discord.Tests.Gateway;

/// <summary>The gateway state machine against the fake gateway on loopback, with a fake clock and fixed jitter.</summary>
public sealed class GatewayClientTests : IAsyncLifetime
{
    private DiscordHarness _h = null!;

    private FakeDiscordGateway Fake => _h.Discord.Gateway;

    private DiscordGatewayClient Client => _h.Get<DiscordGatewayClient>();

    public async ValueTask InitializeAsync() => _h = await DiscordHarness.StartAsync(jitter: 0.25);

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Hello_is_answered_with_identify_and_ready_gives_the_session_and_the_bot_user()
    {
        await StartReadyAsync();

        var identify = Assert.Single(Fake.FramesWithOp(2)).Data!;
        Assert.Equal(FakeDiscord.BotToken, identify["token"]!.GetValue<string>());
        Assert.Equal(1 + 512 + 1024 + 32768, identify["intents"]!.GetValue<int>());
        Assert.Equal("?v=10&encoding=json", Assert.Single(Fake.Queries));
        Assert.Equal("session-1", Client.SessionId);
        await Eventually.AssertAsync(() => _h.Get<GatewayEventProcessor>().BotUserId == _h.Discord.BotUserId, "the bot user from READY");
        Assert.Single(_h.Discord.RequestsTo("GET", "/gateway/bot"));
    }

    [Fact]
    public async Task The_first_heartbeat_waits_a_jittered_part_of_the_interval_then_beats_every_interval_with_the_last_sequence()
    {
        Fake.HeartbeatIntervalMs = 10_000;
        await StartReadyAsync();

        _h.Time.Advance(TimeSpan.FromMilliseconds(2_499));
        await Eventually.QuietAsync();
        Assert.Empty(Fake.FramesWithOp(1));

        _h.Time.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.AssertAsync(() => Fake.FramesWithOp(1).Count == 1, "the first heartbeat at 0.25 × interval");
        Assert.Equal(1, Fake.FramesWithOp(1)[0].Data!.GetValue<long>());

        await Fake.DispatchAsync("TYPING_START", new JsonObject());
        await Eventually.QuietAsync(100);
        _h.Time.Advance(TimeSpan.FromMilliseconds(9_999));
        await Eventually.QuietAsync();
        Assert.Single(Fake.FramesWithOp(1));

        _h.Time.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.AssertAsync(() => Fake.FramesWithOp(1).Count == 2, "the second heartbeat one interval later");
        Assert.Equal(2, Fake.FramesWithOp(1)[1].Data!.GetValue<long>());
    }

    [Fact]
    public async Task A_heartbeat_before_the_first_sequence_sends_d_as_null_not_without_d()
    {
        // Discord's gateway reference: {"op":1,"d":null} until a sequence number has been received.
        Fake.HoldReady = true;
        await Client.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.AssertAsync(() => Fake.FramesWithOp(2).Count == 1, "the identify");

        await Fake.SendOpAsync(1, null);

        await Eventually.AssertAsync(() => Fake.FramesWithOp(1).Count == 1, "the requested heartbeat");
        var heartbeat = Fake.FramesWithOp(1)[0];
        Assert.True(heartbeat.HasData, "the heartbeat carries d");
        Assert.Null(heartbeat.Data);
    }

    [Fact]
    public async Task A_missed_heartbeat_ack_closes_with_a_non_1000_code_and_resumes_the_session()
    {
        Fake.HeartbeatIntervalMs = 10_000;
        Fake.AckHeartbeats = false;
        await StartReadyAsync();

        await _h.AdvanceUntilAsync(() => Fake.FramesWithOp(1).Count == 1);
        var waited = await _h.AdvanceUntilAsync(() => Fake.FramesWithOp(6).Count == 1);

        Assert.InRange(waited, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(12));
        Assert.Contains(4000, Fake.ClientCloses);
        Assert.DoesNotContain(1000, Fake.ClientCloses);
        var resume = Fake.FramesWithOp(6)[0];
        Assert.Equal(2, resume.Connection);
        Assert.Equal("session-1", resume.Data!["session_id"]!.GetValue<string>());
        Assert.Equal(1, resume.Data["seq"]!.GetValue<long>());
        Assert.Single(Fake.FramesWithOp(2));
        await Eventually.AssertAsync(() => Logged(_h, "GatewayResumed"), "RESUMED");
    }

    [Fact]
    public async Task Reconnect_op_7_closes_with_4000_and_resumes()
    {
        await StartReadyAsync();

        await Fake.SendOpAsync(7, null);

        await Eventually.AssertAsync(() => Fake.FramesWithOp(6).Count == 1, "a resume");
        Assert.Equal([4000], Fake.ClientCloses);
        Assert.Single(Fake.FramesWithOp(2));
    }

    [Fact]
    public async Task Invalid_session_that_may_resume_resumes()
    {
        await StartReadyAsync();

        await Fake.SendOpAsync(9, JsonValue.Create(true));

        await Eventually.AssertAsync(() => Fake.FramesWithOp(6).Count == 1, "a resume");
        Assert.Single(Fake.FramesWithOp(2));
    }

    [Fact]
    public async Task Invalid_session_that_may_not_resume_identifies_afresh_after_one_to_five_seconds()
    {
        await StartReadyAsync();

        await Fake.SendOpAsync(9, JsonValue.Create(false));
        await Eventually.AssertAsync(() => !Fake.IsConnected, "the old connection closed");
        var waited = await _h.AdvanceUntilAsync(() => Fake.Connections == 2);

        Assert.InRange(waited, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
        await Eventually.AssertAsync(() => Fake.FramesWithOp(2).Count == 2, "a fresh identify after 1 + 4 × 0.25 s");
        Assert.Empty(Fake.FramesWithOp(6));
        await Eventually.AssertAsync(() => Client.SessionId == "session-2", "the new session");
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4005)]
    [InlineData(4008)]
    [InlineData(1001)]
    public async Task A_resumable_close_code_resumes(int code)
    {
        await StartReadyAsync();

        await Fake.CloseAsync(code);

        await Eventually.AssertAsync(() => Fake.FramesWithOp(6).Count == 1, $"a resume after {code}");
        Assert.Single(Fake.FramesWithOp(2));
    }

    [Theory]
    [InlineData(4003)]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task A_close_code_that_ends_the_session_identifies_afresh(int code)
    {
        await StartReadyAsync();

        await Fake.CloseAsync(code);

        await Eventually.AssertAsync(() => Fake.FramesWithOp(2).Count == 2, $"a new identify after {code}");
        Assert.Empty(Fake.FramesWithOp(6));
    }

    [Theory]
    [InlineData(4004, "Discord__BotToken")]
    [InlineData(4014, "enable the Message Content intent in the Developer Portal")]
    [InlineData(4013, "intents are invalid")]
    [InlineData(4011, "sharding")]
    public async Task A_fatal_close_code_stops_with_one_line_saying_what_to_fix(int code, string fix)
    {
        await StartReadyAsync();

        await Fake.CloseAsync(code);

        await Eventually.AssertAsync(() => _h.Logs.GetSnapshot().Any(l => l.Message.Contains(fix, StringComparison.Ordinal)), "the fix in the log");
        _h.Time.Advance(TimeSpan.FromMinutes(5));
        await Eventually.QuietAsync();
        Assert.Equal(1, Fake.Connections);
        Assert.Single(_h.Logs.GetSnapshot(), l => l.Level == Microsoft.Extensions.Logging.LogLevel.Critical);
    }

    [Fact]
    public async Task A_dropped_connection_resumes_and_the_replayed_events_carry_the_same_keys()
    {
        Fake.ResumeOverlap = 1;
        await StartReadyAsync();
        await Fake.DispatchAsync("MESSAGE_CREATE", GatewayMessages.ThreadMessage(_h.Discord, GatewayMessages.Id(1), "first"));
        await Fake.DispatchAsync("MESSAGE_REACTION_ADD", GatewayMessages.Reaction(_h.Discord, GatewayMessages.Id(1), "📌"));
        await Eventually.AssertAsync(() => _h.Core.Events.Count == 2, "both events handed to Core");

        Fake.Drop();
        await Fake.DispatchAsync("MESSAGE_CREATE", GatewayMessages.ThreadMessage(_h.Discord, GatewayMessages.Id(2), "second"));

        await Eventually.AssertAsync(() => _h.Core.Accepted.Count == 3, "the missed message after the resume");
        await Eventually.AssertAsync(() => Logged(_h, "GatewayResumed"), "RESUMED");
        Assert.Equal(2, Fake.Connections);
        Assert.Single(Fake.FramesWithOp(6));
        Assert.True(_h.Core.Events.Count > _h.Core.Accepted.Count, "the overlap was delivered again");
        Assert.Equal(["first", "second"], _h.Core.Accepted.OfType<ThreadMessagePosted>().Select(m => m.Text));
        Assert.Single(_h.Core.Accepted.OfType<ReactionAdded>());
    }

    [Fact]
    public async Task A_run_of_thread_messages_goes_to_core_together_and_a_reaction_after_it_waits_until_they_are_recorded()
    {
        await StartReadyAsync();
        var commit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _h.Core.Hold = commit.Task;
        for (var i = 1; i <= 3; i++)
        {
            await Fake.DispatchAsync("MESSAGE_CREATE", GatewayMessages.ThreadMessage(_h.Discord, GatewayMessages.Id(i), $"message {i}"));
        }

        await Fake.DispatchAsync("MESSAGE_REACTION_ADD", GatewayMessages.Reaction(_h.Discord, GatewayMessages.Id(1), "📌"));

        // Issue 11: one at a time, the second message would wait for the first one's commit, which is held.
        await Eventually.AssertAsync(() => _h.Core.Events.Count == 3, "the three messages handed over before any is recorded");
        await Eventually.QuietAsync();
        Assert.All(_h.Core.Events, e => Assert.IsType<ThreadMessagePosted>(e));

        commit.SetResult();
        await Eventually.AssertAsync(() => _h.Core.Accepted.Count == 4, "the reaction once the messages are recorded");
        Assert.IsType<ReactionAdded>(_h.Core.Events[^1]);
    }

    [Fact]
    public async Task A_refused_resume_identifies_afresh_and_reads_back_what_was_missed()
    {
        const string thread = "1000000000000000100";
        await using var h = await WithOneOpenIncidentAsync(thread);
        var client = h.Get<DiscordGatewayClient>();
        await client.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.AssertAsync(() => Logged(h, "GatewayReady"), "READY");
        h.Discord.Gateway.RefuseResume = true;
        h.Discord.AddUserMessage(thread, GatewayMessages.PersonId, "ana", "said while no session was open", h.Time.GetUtcNow());

        await h.Discord.Gateway.SendOpAsync(7, null);
        await h.AdvanceUntilAsync(() => h.Discord.Gateway.FramesWithOp(2).Count == 2);

        Assert.Single(h.Discord.Gateway.FramesWithOp(6));
        await Eventually.AssertAsync(() => h.Core.Events.OfType<ThreadMessagePosted>().Any(m => m.Text == "said while no session was open"), "the missed message read back");
        Assert.Equal($"/channels/{thread}/messages?after={thread}&limit=100", h.Discord.RequestsTo("GET", "/messages?after=")[^1].Path);
    }

    [Fact]
    public async Task After_a_new_session_the_acknowledging_reactions_on_the_status_doc_are_read_back()
    {
        const string root = "1300000000000000400";
        await using var h = await WithOneOpenIncidentAsync(root);
        h.Discord.AddUserReaction(h.Discord.IncidentsChannelId, root, "👀", GatewayMessages.PersonId, "ana");
        h.Discord.AddUserReaction(h.Discord.IncidentsChannelId, root, "✅", h.Discord.BotUserId, "IncidentBot");
        var client = h.Get<DiscordGatewayClient>();

        await client.StartAsync(TestContext.Current.CancellationToken);

        await Eventually.AssertAsync(() => h.Core.Events.OfType<ReactionAdded>().Any(), "the 👀 read back");
        var ack = h.Core.Events.OfType<ReactionAdded>().First();
        Assert.Equal((root, Reaction.Acknowledge, GatewayMessages.PersonId), (ack.MessageId, ack.Reaction, ack.Context.User.Id));
        Assert.Equal($"reaction:seen:{root}:👀:{GatewayMessages.PersonId}", ack.Context.DedupKey);
        await Eventually.AssertAsync(() => h.Discord.RequestsTo("GET", "/reactions/").Count == 2, "both acknowledging emoji read");
        Assert.Single(h.Core.Events.OfType<ReactionAdded>());
    }

    [Fact]
    public async Task Attempts_that_never_reach_ready_back_off_one_two_four_seconds_and_count_as_reconnects()
    {
        using var reconnects = new MetricCollector<long>(_h.Get<IMeterFactory>(), PlatformMetrics.MeterName, "incidentbot.connection.reconnects");
        Fake.CloseOnIdentify = 4000;
        await Client.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.AssertAsync(() => Fake.Connections == 1 && !Fake.IsConnected, "the first attempt refused");

        var first = await _h.AdvanceUntilAsync(() => Fake.Connections == 2);
        await Eventually.AssertAsync(() => !Fake.IsConnected, "the second attempt refused");
        var second = await _h.AdvanceUntilAsync(() => Fake.Connections == 3);
        // The fake reads CloseOnIdentify when the Identify arrives: clear it only once the third attempt was refused.
        await Eventually.AssertAsync(() => Fake.FramesWithOp(2).Count == 3 && !Fake.IsConnected, "the third attempt refused");
        Fake.CloseOnIdentify = null;
        var third = await _h.AdvanceUntilAsync(() => Fake.Connections == 4);

        // 1, 2, 4 s, each scaled by 0.75 + jitter/2 = 0.875 with the fixed jitter of 0.25: that is the wait the client
        // takes, and no attempt comes before its wait is over. (How far past it the stepped clock got depends on how
        // fast the machine reconnects, so only the lower bound is the client's doing.)
        var waits = _h.Logs.GetSnapshot().Where(l => l.Id.Name == "GatewayWaiting")
            .Select(l => double.Parse(l.GetStructuredStateValue("Seconds")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([0.875, 1.75, 3.5], waits);
        Assert.True(first >= TimeSpan.FromSeconds(0.875), $"the second attempt came after {first}");
        Assert.True(second >= TimeSpan.FromSeconds(1.75), $"the third attempt came after {second}");
        Assert.True(third >= TimeSpan.FromSeconds(3.5), $"the fourth attempt came after {third}");
        await Eventually.AssertAsync(() => Logged(_h, "GatewayReady"), "READY at last");
        Assert.Equal(3, reconnects.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.All(reconnects.GetMeasurementSnapshot(), m => Assert.Equal("discord", m.Tags["platform"]));
    }

    [Fact]
    public async Task The_bots_own_messages_and_reactions_are_not_handed_to_core()
    {
        await StartReadyAsync();

        await Fake.DispatchAsync("MESSAGE_CREATE", GatewayMessages.ThreadMessage(_h.Discord, GatewayMessages.Id(3), "bot says", _h.Discord.BotUserId));
        await Fake.DispatchAsync("MESSAGE_REACTION_ADD", GatewayMessages.Reaction(_h.Discord, GatewayMessages.Id(3), "✅", _h.Discord.BotUserId));
        await Fake.DispatchAsync("MESSAGE_CREATE", GatewayMessages.ThreadMessage(_h.Discord, GatewayMessages.Id(4), "person says"));

        await Eventually.AssertAsync(() => _h.Core.Events.Count == 1, "the person's message");
        await Eventually.QuietAsync();
        Assert.Equal("person says", Assert.IsType<ThreadMessagePosted>(Assert.Single(_h.Core.Events)).Text);
    }

    [Fact]
    public async Task A_slash_command_over_the_gateway_reaches_core_and_is_answered_ephemerally_through_the_callback()
    {
        await StartReadyAsync();

        await Fake.DispatchAsync("INTERACTION_CREATE", GatewayMessages.SlashCommand(_h.Discord, GatewayMessages.Id(9), "declare",
            ("severity", 3, JsonValue.Create("sev1")), ("title", 3, JsonValue.Create("Pipeline blocks spiking"))));

        await Eventually.AssertAsync(() => _h.Discord.RequestsTo("POST", "/callback").Count == 1, "the interaction callback");
        var command = Assert.IsType<CommandInvoked>(Assert.Single(_h.Core.Events));
        Assert.Equal("declare sev1 Pipeline blocks spiking", command.Text);
        Assert.Equal("token-" + GatewayMessages.Id(9), command.ReplyHandle);
        Assert.Equal("interaction:" + GatewayMessages.Id(9), command.Context.DedupKey);
        var callback = _h.Discord.RequestsTo("POST", "/callback")[0];
        Assert.Equal($"/interactions/{GatewayMessages.Id(9)}/token-{GatewayMessages.Id(9)}/callback", callback.Path);
        Assert.Equal(4, callback.Json!["type"]!.GetValue<int>());
        Assert.Equal(64, callback.Json["data"]!["flags"]!.GetValue<int>());
        Assert.Equal("Done by the fake core.", callback.Json["data"]!["content"]!.GetValue<string>());
        Assert.False(callback.Headers.ContainsKey("Authorization"));
    }

    /// <summary>A harness whose store holds one open SEV1 with its status doc (and thread) at <paramref name="root"/>.</summary>
    private static Task<DiscordHarness> WithOneOpenIncidentAsync(string root) =>
        DiscordHarness.StartAsync(configure: (services, discord) =>
        {
            var store = Substitute.For<IIncidentReader>();
            var incident = new Incident
            {
                Id = new IncidentId(5),
                Workspace = new WorkspaceId(Platform.Discord, discord.GuildId),
                ChannelId = discord.IncidentsChannelId,
                RootMessageId = root,
                ThreadId = root,
                Title = "Login errors",
                Severity = Severity.Sev1,
                Commander = new UserRef(GatewayMessages.PersonId, "Ana"),
                DeclaredBy = new UserRef(GatewayMessages.PersonId, "Ana"),
                DeclaredAt = DateTimeOffset.UnixEpoch,
            };
            store.ListAsync(true, Arg.Any<CancellationToken>()).Returns([incident]);
            store.GetTimelineAsync(incident.Id, Arg.Any<CancellationToken>()).Returns([]);
            services.AddSingleton(store);
        });

    /// <summary>READY and RESUMED are logged as they arrive: the gateway's state as an operator sees it.</summary>
    private static bool Logged(DiscordHarness harness, string eventName) => harness.Logs.GetSnapshot().Any(l => l.Id.Name == eventName);

    private async Task StartReadyAsync()
    {
        await Client.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.AssertAsync(() => Logged(_h, "GatewayReady"), "READY");
    }
}

using System.Diagnostics.Metrics;
using IncidentBot.Core.Diagnostics;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Discord.Outbound;
using IncidentBot.Discord.Rest;
using IncidentBot.Discord.Tests.Infrastructure;
using IncidentBot.Discord.Wire;
using IncidentBot.Testing.Fakes.Discord;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace IncidentBot.Discord.Tests.Rest;

/// <summary>The REST client through the real handler chain (Polly retries, rate limiter) against the fake, on a fake clock.</summary>
public sealed class RestClientTests : IAsyncLifetime
{
    private const string Channel = "1300000000000000200";

    private DiscordHarness _h = null!;

    private DiscordRestClient Rest => _h.Get<DiscordRestClient>();

    private DiscordChatPlatform Platform => _h.Get<DiscordChatPlatform>();

    private static readonly Delivery FirstDelivery = new("INC-7.1", 1, DateTimeOffset.UnixEpoch);

    private int _nonces;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _h = await DiscordHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_429_is_retried_once_after_its_retry_after_on_the_clock_and_posts_once()
    {
        _h.Discord.FailNext(new FakeFailure("POST", "/messages", 429, RetryAfter: 1.5));

        var post = Rest.CreateMessageAsync(Channel, new MessagePayload { Content = "hello" }, NextNonce(), Ct);
        await Eventually.AssertAsync(() => _h.Discord.RequestsTo("POST", "/messages").Count == 1, "the first attempt");
        var waited = await _h.AdvanceUntilAsync(() => _h.Discord.RequestsTo("POST", "/messages").Count == 2);
        await post;

        Assert.InRange(waited, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(3));
        var attempts = _h.Discord.RequestsTo("POST", "/messages");
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].Json!["nonce"]!.GetValue<string>(), attempts[1].Json!["nonce"]!.GetValue<string>());
        Assert.Single(_h.Discord.MessagesIn(Channel));
    }

    [Fact]
    public async Task Each_attempt_is_counted_by_route_template_and_status()
    {
        using var calls = new MetricCollector<long>(_h.Get<IMeterFactory>(), PlatformMetrics.MeterName, "incidentbot.platform.api.calls");
        _h.Discord.FailNext(new FakeFailure("POST", "/messages", 429, RetryAfter: 0.5));

        var post = Rest.CreateMessageAsync(Channel, new MessagePayload { Content = "x" }, NextNonce(), Ct);
        await _h.AdvanceUntilAsync(() => post.IsCompleted);

        Assert.Equal(["429", "200"], calls.GetMeasurementSnapshot().Select(m => (string)m.Tags["status"]!));
        Assert.All(calls.GetMeasurementSnapshot(), m => Assert.Equal(("discord", "POST /channels/{channel_id}/messages"), ((string)m.Tags["platform"]!, (string)m.Tags["method"]!)));
    }

    [Fact]
    public async Task A_long_retry_after_is_not_slept_through_but_handed_back_to_the_outbox()
    {
        _h.Discord.FailNext(new FakeFailure("POST", "/messages", 429, RetryAfter: 64.57));

        var failure = await Assert.ThrowsAsync<PlatformUnavailableException>(() => Rest.CreateMessageAsync(Channel, new MessagePayload { Content = "x" }, NextNonce(), Ct));

        Assert.Equal(TimeSpan.FromSeconds(64.57), failure.RetryAfter);
        Assert.Single(_h.Discord.RequestsTo("POST", "/messages"));
    }

    [Fact]
    public async Task A_global_429_holds_back_every_route_until_it_is_over()
    {
        _h.Discord.FailNext(new FakeFailure("PATCH", "/messages/", 429, RetryAfter: 2, Global: true));
        var message = await Rest.CreateMessageAsync(Channel, new MessagePayload { Content = "x" }, NextNonce(), Ct);

        var edit = Rest.EditMessageAsync(Channel, message.Id, new MessagePayload { Content = "y" }, Ct);
        await Eventually.AssertAsync(() => _h.Logs.GetSnapshot().Any(l => l.Message.Contains("global: True", StringComparison.Ordinal)), "the global 429 seen");
        var reaction = Rest.AddReactionAsync(Channel, message.Id, "✅", Ct);
        var waited = await _h.AdvanceUntilAsync(() => _h.Discord.RequestsTo("PUT", "/reactions/").Count == 1);
        // The edit's own retry waits retry_after from when its 429 was handled, which can be a step after the
        // clock started moving: keep the clock moving until both calls are done, never await one on a still clock.
        await _h.AdvanceUntilAsync(() => edit.IsCompleted && reaction.IsCompleted);
        await Task.WhenAll(edit, reaction);

        Assert.InRange(waited, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        Assert.Equal("y", _h.Discord.MessagesIn(Channel)[0].Content);
    }

    [Fact]
    public async Task An_exhausted_bucket_waits_for_its_reset_before_the_next_call()
    {
        _h.Discord.FailNext(new FakeFailure("POST", "/messages", 200, Headers: new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "5",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset-After"] = "3",
            ["X-RateLimit-Bucket"] = "abcd1234",
        }));
        await Rest.CreateMessageAsync(Channel, new MessagePayload { Content = "1" }, NextNonce(), Ct);

        var second = Rest.CreateMessageAsync(Channel, new MessagePayload { Content = "2" }, NextNonce(), Ct);
        await Rest.CreateMessageAsync("1300000000000000999", new MessagePayload { Content = "another channel, another bucket" }, NextNonce(), Ct);
        var waited = await _h.AdvanceUntilAsync(() => second.IsCompleted);
        await second;

        Assert.InRange(waited, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5));
        Assert.Equal(2, _h.Discord.MessagesIn(Channel).Count);
    }

    [Fact]
    public async Task A_5xx_on_an_edit_is_retried_with_backoff()
    {
        var message = await Rest.CreateMessageAsync(Channel, new MessagePayload { Content = "x" }, NextNonce(), Ct);
        _h.Discord.FailNext(new FakeFailure("PATCH", "/messages/", 502));

        var edit = Rest.EditMessageAsync(Channel, message.Id, new MessagePayload { Content = "y" }, Ct);
        await Eventually.AssertAsync(() => _h.Discord.RequestsTo("PATCH", "/messages/").Count == 1, "the failed attempt");
        await _h.AdvanceUntilAsync(() => edit.IsCompleted);

        await edit;
        Assert.Equal(2, _h.Discord.RequestsTo("PATCH", "/messages/").Count);
    }

    [Fact]
    public async Task A_5xx_on_a_follow_up_is_not_retried_because_it_could_post_twice()
    {
        _h.Discord.FailNext(new FakeFailure("POST", "/webhooks/", 500));

        await Assert.ThrowsAsync<PlatformUnavailableException>(() => Rest.FollowUpAsync("tok", new MessagePayload { Content = "x" }, Ct));

        Assert.Single(_h.Discord.RequestsTo("POST", "/webhooks/"));
    }

    [Fact]
    public async Task After_a_401_bot_calls_pause_instead_of_hammering_discord()
    {
        _h.Discord.FailNext(new FakeFailure("POST", "/messages", 401));

        await Assert.ThrowsAsync<PlatformUnavailableException>(() => Rest.CreateMessageAsync(Channel, new MessagePayload { Content = "1" }, NextNonce(), Ct));
        var paused = await Assert.ThrowsAsync<PlatformUnavailableException>(() => Rest.CreateMessageAsync(Channel, new MessagePayload { Content = "2" }, NextNonce(), Ct));

        Assert.Single(_h.Discord.RequestsTo("POST", "/messages"));
        Assert.Contains("Discord__BotToken", paused.Message, StringComparison.Ordinal);
        _h.Time.Advance(TimeSpan.FromMinutes(1));
        await Rest.CreateMessageAsync(Channel, new MessagePayload { Content = "3" }, NextNonce(), Ct);
        Assert.Equal(2, _h.Discord.RequestsTo("POST", "/messages").Count);
    }

    [Fact]
    public async Task A_post_carries_a_nonce_made_from_the_delivery_and_enforces_it()
    {
        await Platform.PostInThreadAsync(Incident(), MessageContent.Plain("x"), FirstDelivery, Ct);

        var request = Assert.Single(_h.Discord.RequestsTo("POST", "/messages"));
        Assert.Equal("INC-7.1.0", request.Json!["nonce"]!.GetValue<string>());
        Assert.True(request.Json["enforce_nonce"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_outbox_retry_of_a_split_message_posts_only_the_parts_that_did_not_go_through()
    {
        var content = MessageContent.Plain(new string('a', 1500) + "\n" + new string('b', 1500));
        _h.Discord.FailNext(new FakeFailure("POST", "/messages", 200));
        _h.Discord.FailNext(new FakeFailure("POST", "/messages", 429, RetryAfter: 30));
        await Assert.ThrowsAsync<PlatformUnavailableException>(() => Platform.PostInThreadAsync(Incident(), content, FirstDelivery, Ct));
        Assert.Single(_h.Discord.MessagesIn(Incident().ThreadId!));
        _h.Time.Advance(TimeSpan.FromSeconds(30));

        await Platform.PostInThreadAsync(Incident(), content, FirstDelivery with { Attempt = 2 }, Ct);

        var posted = _h.Discord.MessagesIn(Incident().ThreadId!).Select(m => m.Content).ToList();
        Assert.Equal(2, posted.Count);
        Assert.StartsWith("aaa", posted[0], StringComparison.Ordinal);
        Assert.StartsWith("bbb", posted[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_whose_answers_were_lost_is_in_the_thread_once_after_the_outbox_retries_it()
    {
        for (var i = 0; i < 4; i++)
        {
            _h.Discord.FailNext(new FakeFailure("POST", "/messages", 502, AfterEffect: true));
        }

        var first = Platform.PostInThreadAsync(Incident(), MessageContent.Plain("rolled back"), FirstDelivery, Ct);
        await _h.AdvanceUntilAsync(() => first.IsCompleted);
        await Assert.ThrowsAsync<PlatformUnavailableException>(() => first);
        await Platform.PostInThreadAsync(Incident(), MessageContent.Plain("rolled back"), FirstDelivery with { Attempt = 2 }, Ct);

        Assert.Equal(5, _h.Discord.RequestsTo("POST", "/messages").Count);
        Assert.Single(_h.Discord.MessagesIn(Incident().ThreadId!));
    }

    [Fact]
    public async Task A_403_is_refused_for_good_and_not_retried()
    {
        _h.Discord.FailNext(new FakeFailure("POST", "/messages", 403));

        await Assert.ThrowsAsync<PlatformRejectedException>(() =>
            Platform.PostInThreadAsync(Incident(), MessageContent.Plain("x"), FirstDelivery, Ct));

        Assert.Single(_h.Discord.RequestsTo("POST", "/messages"));
    }

    [Fact]
    public async Task Every_message_carries_the_bot_token_the_user_agent_and_pings_only_whom_it_means_to()
    {
        var content = new MessageBuilder().Text("@everyone look <@999> **now**").Mention("123456789012345678").Build();

        await Platform.PostInThreadAsync(Incident(), content, FirstDelivery, Ct);

        var request = Assert.Single(_h.Discord.RequestsTo("POST", "/messages"));
        Assert.Equal("Bot " + FakeDiscord.BotToken, request.Headers["Authorization"]);
        Assert.Matches(@"^DiscordBot \(https?://\S+, [0-9][^)]*\)$", request.Headers["User-Agent"]);
        Assert.StartsWith($"DiscordBot ({BuildRepositoryUrl()}, ", request.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.Equal("""{"parse":[],"users":["123456789012345678"]}""", request.Json!["allowed_mentions"]!.ToJsonString());
        Assert.Equal("@\u200Beveryone look \\<@999> \\*\\*now\\*\\*<@123456789012345678>", request.Json["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_confirmation_reaction_is_sent_as_url_encoded_unicode()
    {
        await Platform.AddReactionAsync(Incident(), "1300000000000000301", Reaction.Confirmed, Ct);

        var request = Assert.Single(_h.Discord.RequestsTo("PUT", "/reactions/"));
        Assert.Equal($"/channels/{Incident().ThreadId}/messages/1300000000000000301/reactions/%E2%9C%85/@me", request.Path);
        Assert.Equal("✅", Assert.Single(_h.Discord.Reactions).Emoji);
    }

    [Fact]
    public async Task The_thread_is_a_public_thread_named_after_the_incident_and_a_second_attempt_finds_the_first()
    {
        var root = await Rest.CreateMessageAsync(Channel, new MessagePayload { Content = "root" }, NextNonce(), Ct);
        var incident = Incident() with { RootMessageId = root.Id, ThreadId = null };

        var first = await Platform.OpenThreadAsync(incident, Ct);
        var again = await Platform.OpenThreadAsync(incident, Ct);

        Assert.Equal(root.Id, first);
        Assert.Equal(first, again);
        var thread = Assert.Single(_h.Discord.Threads).Value;
        Assert.Equal("[SEV1] Pipeline blocks spiking", thread["name"]!.GetValue<string>());
        Assert.Equal(11, thread["type"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_reply_edits_the_interactions_original_response_without_the_bot_token()
    {
        await Platform.ReplyAsync(Incident(), "interaction-token", new MessageBuilder().Text("INC-7 is open: ").Thread().Build(), Ct);

        var request = Assert.Single(_h.Discord.RequestsTo("PATCH", "/@original"));
        Assert.Equal($"/webhooks/{_h.Discord.ApplicationId}/interaction-token/messages/@original", request.Path);
        Assert.Equal($"INC-7 is open: <#{Incident().ThreadId}>", request.Json!["content"]!.GetValue<string>());
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task A_reply_racing_ahead_of_the_interactions_first_answer_is_kept_for_a_retry()
    {
        _h.Discord.FailNext(new FakeFailure("PATCH", "/@original", 404));

        var failure = await Assert.ThrowsAsync<PlatformUnavailableException>(() =>
            Platform.ReplyAsync(Incident(), "interaction-token", MessageContent.Plain("INC-7 is open"), Ct));

        Assert.Equal(TimeSpan.FromSeconds(2), failure.RetryAfter);
    }

    [Fact]
    public async Task The_postmortem_goes_up_as_an_attachment_with_its_comment()
    {
        var comment = new MessageBuilder().Text("🔒 INC-7 closed by ").Mention("123456789012345678").Build();

        await Platform.UploadFileAsync(Incident(), new UploadFile("INC-7-postmortem.md", "Postmortem draft", "# Postmortem — [SEV1] x\n", comment), FirstDelivery, Ct);

        var posted = Assert.Single(_h.Discord.MessagesIn(Incident().ThreadId!));
        Assert.Equal("INC-7-postmortem.md", posted.FileName);
        Assert.Equal("# Postmortem — [SEV1] x\n", posted.FileContent);
        Assert.Equal("🔒 INC-7 closed by <@123456789012345678>", posted.Content);
        var attachment = Assert.Single(_h.Discord.RequestsTo("POST", "/messages")).Json!["attachments"]![0]!;
        Assert.Equal("INC-7-postmortem.md", attachment["filename"]!.GetValue<string>());

        // An attachment id is a snowflake, and snowflakes are strings on the wire (discord.md §3); "0" names files[0].
        Assert.Equal(System.Text.Json.JsonValueKind.String, attachment["id"]!.GetValueKind());
        Assert.Equal("0", attachment["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Message_history_is_read_a_page_at_a_time_oldest_first()
    {
        for (var i = 0; i < 250; i++)
        {
            _h.Discord.AddUserMessage(Channel, "1400000000000000001", "ana", $"m{i}", _h.Time.GetUtcNow());
        }

        var read = new List<string>();
        await foreach (var message in Rest.GetMessagesAfterAsync(Channel, "0", Ct))
        {
            read.Add(message.Content!);
        }

        Assert.Equal(Enumerable.Range(0, 250).Select(i => $"m{i}"), read);
        Assert.Equal(3, _h.Discord.RequestsTo("GET", "/messages").Count);
    }

    private Incident Incident() => new()
    {
        Id = new IncidentId(7),
        Workspace = new WorkspaceId(Core.Incidents.Platform.Discord, _h.Discord.GuildId),
        ChannelId = Channel,
        RootMessageId = "1300000000000000300",
        ThreadId = "1300000000000000300",
        Title = "Pipeline blocks spiking",
        Severity = Severity.Sev1,
        Commander = new UserRef("123456789012345678", "Ana"),
        DeclaredBy = new UserRef("123456789012345678", "Ana"),
        DeclaredAt = _h.Time.GetUtcNow(),
    };

    private string NextNonce() => $"test-{++_nonces}";

    /// <summary>The repository the build names (Directory.Build.props <c>RepositoryUrl</c>), as every assembly of the solution carries it.</summary>
    private static string BuildRepositoryUrl() =>
        typeof(RestClientTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryUrl").Value!;
}

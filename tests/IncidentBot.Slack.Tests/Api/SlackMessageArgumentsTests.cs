using IncidentBot.Slack.Api;
using IncidentBot.Slack.Rendering;
using IncidentBot.Slack.Tests.Infrastructure;
using IncidentBot.Testing.Fakes.Slack;

namespace IncidentBot.Slack.Tests.Api;

/// <summary>Each chat method gets only the arguments Slack documents for it.</summary>
public sealed class SlackMessageArgumentsTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackTestHost _host = null!;

    private SlackApiClient Api => _host.Get<SlackApiClient>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _host = await SlackTestHost.StartAsync(_slack);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Unfurl_switches_go_to_chat_postMessage_only()
    {
        var body = new SlackMessageBody("see https://status.example.com", null);

        var posted = await Api.PostMessageAsync(SlackPayloads.Channel, null, body, null, Ct);
        await Api.UpdateMessageAsync(SlackPayloads.Channel, posted.Ts!, body, Ct);
        await Api.PostEphemeralAsync(SlackPayloads.Channel, "U0JENS", null, body, Ct);

        // chat.postMessage takes unfurl_links/unfurl_media; chat.update and chat.postEphemeral do not (slack.md §6).
        var post = Assert.Single(_slack.CallsTo("chat.postMessage")).Json!;
        Assert.False(post["unfurl_links"]!.GetValue<bool>());
        Assert.False(post["unfurl_media"]!.GetValue<bool>());
        foreach (var method in new[] { "chat.update", "chat.postEphemeral" })
        {
            var json = Assert.Single(_slack.CallsTo(method)).Json!;
            Assert.False(json.ContainsKey("unfurl_links"), $"{method} got unfurl_links");
            Assert.False(json.ContainsKey("unfurl_media"), $"{method} got unfurl_media");
        }
    }
}

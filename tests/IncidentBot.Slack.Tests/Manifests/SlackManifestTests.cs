using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.Tests.Infrastructure;
using IncidentBot.Testing.Fakes.Slack;

namespace IncidentBot.Slack.Tests.Manifests;

/// <summary>
/// The manifests against the code, both ways: every command and event declared is handled and every one handled
/// is declared; the scopes are exactly those Slack's reference lists for the methods the client calls and the
/// events subscribed, plus <c>commands</c>.
/// </summary>
public sealed partial class SlackManifestTests : IAsyncLifetime
{
    private const string HttpManifest = "app-manifest.yml";
    private const string SocketManifest = "app-manifest.socket-mode.yml";

    /// <summary>Event types Slack could send an app like this one, each with a payload the bot would care about if it handled it.</summary>
    private static readonly Dictionary<string, Func<JsonObject>> Candidates = new()
    {
        ["message.channels"] = () => SlackPayloads.ThreadReply("U0JENS", "hi", "1767600100.000200", "1767600000.000100"),
        ["message.groups"] = () => SlackPayloads.ThreadReply("U0JENS", "hi", "1767600100.000300", "1767600000.000100", channel: "G0PRIVATE"),
        ["app_mention"] = () => SlackPayloads.Mention("U0JENS", "help", "1767600100.000400", "1767600000.000100"),
        ["reaction_added"] = () => SlackPayloads.Reaction(true, "U0JENS", "eyes", "1767600000.000100", "1767600200.000001"),
        ["reaction_removed"] = () => SlackPayloads.Reaction(false, "U0JENS", "pushpin", "1767600100.000200", "1767600201.000001"),
        ["member_joined_channel"] = () => new JsonObject { ["type"] = "member_joined_channel", ["user"] = "U0JENS", ["channel"] = SlackPayloads.Channel, ["channel_type"] = "C", ["team"] = FakeSlack.TeamId },
        ["pin_added"] = () => new JsonObject
        {
            ["type"] = "pin_added",
            ["user"] = "U0JENS",
            ["channel_id"] = SlackPayloads.Channel,
            ["item"] = new JsonObject { ["type"] = "message", ["channel"] = SlackPayloads.Channel, ["message"] = new JsonObject { ["ts"] = "1767600100.000200" } },
            ["event_ts"] = "1767600300.000001",
        },
    };

    private FakeSlack _slack = null!;
    private SlackTestHost _host = null!;

    public static TheoryData<string> Manifests() => [HttpManifest, SocketManifest];

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

    private static ManifestReader Read(string name) => new(Path.Combine("Manifests", name));

    [Theory]
    [MemberData(nameof(Manifests))]
    public void The_one_command_is_declared_with_escaping_on(string name)
    {
        var manifest = Read(name);

        Assert.Equal([SlackInboundProcessor.Command], manifest.Values("features.slash_commands", "command"));
        Assert.Equal(["true"], manifest.Values("features.slash_commands", "should_escape"));
        Assert.Equal("true", manifest.Scalar("settings.interactivity.is_enabled"));
    }

    [Fact]
    public async Task The_declared_command_reaches_core_and_no_other_does()
    {
        await SendCommandAsync("/incident");
        await SendCommandAsync("/weather");

        var command = Assert.IsType<Core.Inbound.CommandInvoked>(Assert.Single(_host.Handler.Accepted));
        Assert.Equal("help", command.Text);
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public async Task Exactly_the_declared_events_are_handled(string name)
    {
        var declared = Read(name).List("settings.event_subscriptions.bot_events").ToHashSet();
        var handled = new HashSet<string>();

        foreach (var (subscription, payload) in Candidates)
        {
            var before = _host.Handler.Calls;
            using var request = SlackSigner.Request("/slack/events", SlackPayloads.EventCallback(payload(), "Ev-" + subscription).ToJsonString(),
                "application/json", SlackTestHost.SigningSecret, _host.Time.GetUtcNow());
            (await _host.Client.SendAsync(request, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
            if (_host.Handler.Calls > before)
            {
                handled.Add(subscription);
            }
        }

        Assert.Equal(declared.Order(), handled.Order());
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void The_scopes_are_exactly_the_ones_used(string name)
    {
        var declared = Read(name).List("oauth_config.scopes.bot").ToHashSet();
        var source = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "IncidentBot.Slack", "Api", "SlackApiClient.cs"));
        var methods = CalledMethod().Matches(source).Select(m => m.Groups["method"].Value).ToHashSet();
        var events = Read(name).List("settings.event_subscriptions.bot_events");

        var needed = new HashSet<string> { "commands" };
        needed.UnionWith(methods.SelectMany(m => Scopes(Path.Combine("Fixtures", "slack-api-ref", "methods", m + ".json"), n => n["scope"]?["bot"])));
        needed.UnionWith(events.SelectMany(e => Scopes(Path.Combine("Fixtures", "slack-api-ref", "events", e + ".json"), n => n["scopes"])));

        Assert.Contains("chat.postMessage", methods);
        Assert.Contains("conversations.replies", methods);
        Assert.Equal(needed.Order(), declared.Order());
    }

    [Fact]
    public void The_two_manifests_differ_only_in_transport()
    {
        var http = Read(HttpManifest);
        var socket = Read(SocketManifest);

        Assert.Equal(http.List("oauth_config.scopes.bot"), socket.List("oauth_config.scopes.bot"));
        Assert.Equal(http.List("settings.event_subscriptions.bot_events"), socket.List("settings.event_subscriptions.bot_events"));
        Assert.Equal(("false", "true"), (http.Scalar("settings.socket_mode_enabled"), socket.Scalar("settings.socket_mode_enabled")));
        Assert.EndsWith("/slack/events", http.Scalar("settings.event_subscriptions.request_url"), StringComparison.Ordinal);
        Assert.EndsWith("/slack/interactivity", http.Scalar("settings.interactivity.request_url"), StringComparison.Ordinal);
        Assert.Equal(["https://YOUR-HOST/slack/commands"], http.Values("features.slash_commands", "url"));
        Assert.Null(socket.Scalar("settings.event_subscriptions.request_url"));
        Assert.Empty(socket.Values("features.slash_commands", "url"));
    }

    /// <summary>
    /// Bot scopes from Slack's reference. Methods that work on every conversation type list im/mpim scopes too;
    /// the bot works only in channels, so it needs only the channel and private-channel ones.
    /// </summary>
    private static IEnumerable<string> Scopes(string file, Func<JsonNode, JsonNode?> select)
    {
        var node = select(JsonNode.Parse(File.ReadAllText(file))!);
        return (node?.AsArray() ?? [])
            .Select(s => s!.GetValue<string>())
            .Select(s => s.Contains(':', StringComparison.Ordinal) ? s : ReplaceFirstDot(s))
            .Where(s => !s.StartsWith("im:", StringComparison.Ordinal) && !s.StartsWith("mpim:", StringComparison.Ordinal));
    }

    /// <summary>The reference spells one scope <c>app_mentions.read</c>; Slack's scope is <c>app_mentions:read</c>.</summary>
    private static string ReplaceFirstDot(string scope)
    {
        var dot = scope.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? scope : string.Concat(scope.AsSpan(0, dot), ":", scope.AsSpan(dot + 1));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IncidentBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("IncidentBot.sln not found above the test output.");
    }

    private async Task SendCommandAsync(string command)
    {
        var fields = SlackPayloads.SlashCommand("help", "U0JENS", "trig" + command);
        fields["command"] = command;
        using var request = SlackSigner.Request("/slack/commands", SlackPayloads.Form(fields), "application/x-www-form-urlencoded",
            SlackTestHost.SigningSecret, _host.Time.GetUtcNow());
        (await _host.Client.SendAsync(request, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
    }

    [GeneratedRegex(@"(?:FormAsync|JsonAsync)\(""(?<method>[a-z]+\.[A-Za-z]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex CalledMethod();
}

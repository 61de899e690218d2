using System.Text.Json;
using IncidentBot.Slack.Wire;
using Microsoft.AspNetCore.WebUtilities;

namespace IncidentBot.Slack.Tests.Wire;

/// <summary>Every Slack-written payload copied into Fixtures/ parses with the adapter's wire types (unknown fields ignored).</summary>
public sealed class FixtureParsingTests
{
    public static TheoryData<string> JsonFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles("Fixtures", "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (file.Contains("slack-api-ref", StringComparison.Ordinal))
            {
                // Slack's method and event reference (scopes), read by the manifest tests; not payloads.
                continue;
            }

            data.Add(Path.GetRelativePath("Fixtures", file).Replace('\\', '/'));
        }

        return data;
    }

    [Fact]
    public void The_fixture_folder_holds_the_copied_payloads()
    {
        Assert.True(JsonFixtures().Count >= 40, $"only {JsonFixtures().Count} fixtures found");
    }

    [Theory]
    [MemberData(nameof(JsonFixtures))]
    public void Every_json_fixture_parses(string name)
    {
        var json = File.ReadAllText(Path.Combine("Fixtures", name));
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        if (root.TryGetProperty("ok", out _))
        {
            var response = JsonSerializer.Deserialize(json, SlackJsonContext.Default.ConnectionsOpenResponse);
            Assert.True(response?.Ok);
        }
        else if (name.Contains("socket-mode/", StringComparison.Ordinal))
        {
            var envelope = JsonSerializer.Deserialize(json, SlackJsonContext.Default.SocketEnvelope);
            Assert.NotNull(envelope);
            AssertEnvelopePayloadParses(envelope);
        }
        else if (name.StartsWith("interactivity/", StringComparison.Ordinal))
        {
            var payload = JsonSerializer.Deserialize(json, SlackJsonContext.Default.InteractionPayload);
            Assert.False(string.IsNullOrEmpty(payload?.Type));
        }
        else if (name.Contains(".inner-event.", StringComparison.Ordinal))
        {
            var inner = JsonSerializer.Deserialize(json, SlackJsonContext.Default.SlackEvent);
            Assert.Equal("message", inner?.Type);
        }
        else if (root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
        {
            var envelope = JsonSerializer.Deserialize(json, SlackJsonContext.Default.EventEnvelope);
            Assert.Equal(type.GetString(), envelope?.Type);
        }
        else
        {
            var response = JsonSerializer.Deserialize(json, SlackJsonContext.Default.SlackResponse);
            Assert.NotNull(response);
        }
    }

    [Fact]
    public void A_thread_reply_carries_its_parent_ts()
    {
        var envelope = Read<EventEnvelope>("events/bolt-python__message_thread_reply.json", SlackJsonContext.Default.EventEnvelope);

        Assert.Equal("T111", envelope.TeamId);
        Assert.Equal("Ev111", envelope.EventId);
        Assert.Equal("1726133698.626339", envelope.Event!.ThreadTs);
        Assert.Equal("1726133700.887259", envelope.Event.Ts);
        Assert.Equal("C111", envelope.Event.Channel);
        Assert.Equal("W222", envelope.Event.User);
    }

    [Fact]
    public void A_message_changed_event_nests_the_new_and_previous_message()
    {
        var inner = Read<SlackEvent>("events/java-slack-sdk__MessageChangedEventTest_deserialize_simple.inner-event.json", SlackJsonContext.Default.SlackEvent);

        Assert.Equal("message_changed", inner.Subtype);
        Assert.Equal("updated message", inner.Message!.Text);
        Assert.Equal("1626342137.000000", inner.Message.Edited!.Ts);
        Assert.Equal("1626342128.008700", inner.Message.Ts);
        Assert.Equal("1626342092.008500", inner.Message.ThreadTs);
        Assert.Equal("test", inner.PreviousMessage!.Text);
    }

    [Fact]
    public void A_message_from_an_app_carries_its_bot_id()
    {
        var envelope = Read<EventEnvelope>("events/bolt-python__message_from_app_bot.json", SlackJsonContext.Default.EventEnvelope);

        Assert.Equal("B999", envelope.Event!.BotId);
        Assert.True(envelope.Authorizations![0].IsBot);
        Assert.Equal("UB111", envelope.Authorizations[0].UserId);
    }

    [Fact]
    public void A_reaction_names_its_item()
    {
        var envelope = Read<EventEnvelope>("docs/events/event_callback_reaction_added_full.json", SlackJsonContext.Default.EventEnvelope);

        Assert.Equal("reaction_added", envelope.Event!.Type);
        Assert.Equal("slightly_smiling_face", envelope.Event.Reaction);
        Assert.Equal("message", envelope.Event.Item!.Type);
        Assert.Equal("C123ABC456", envelope.Event.Item.Channel);
        Assert.Equal("1464196127.000002", envelope.Event.Item.Ts);
    }

    [Fact]
    public void A_view_submission_exposes_its_state_values()
    {
        var payload = Read<InteractionPayload>("interactivity/bolt-python__view_submission.payload.json", SlackJsonContext.Default.InteractionPayload);

        Assert.Equal("view_submission", payload.Type);
        Assert.Equal("V111", payload.View!.Id);
        Assert.Equal("1596530361.3wRYuk3R", payload.View.Hash);
        Assert.Equal("test", payload.View.State!.Values!["hspI"]["maBWU"].Value);
    }

    [Fact]
    public void A_block_action_carries_its_action_and_trigger()
    {
        var payload = Read<InteractionPayload>("interactivity/bolt-python__block_actions.payload.json", SlackJsonContext.Default.InteractionPayload);

        Assert.Equal("111.222.valid", payload.TriggerId);
        Assert.Equal("a", payload.Actions![0].ActionId);
        Assert.Equal("click_me_123", payload.Actions[0].Value);
        Assert.Equal("C111", payload.Container!.ChannelId);
        Assert.Equal("T111", payload.Team!.Id);
    }

    [Theory]
    [InlineData("slash-commands/bolt-python__slash_command.form.txt")]
    [InlineData("interactivity/bolt-python__block_actions.form.txt")]
    public void Form_encoded_fixtures_parse(string name)
    {
        var form = QueryHelpers.ParseQuery(File.ReadAllText(Path.Combine("Fixtures", name)).Trim());

        if (form.TryGetValue("payload", out var payload))
        {
            Assert.Equal("block_actions", JsonSerializer.Deserialize(payload.ToString(), SlackJsonContext.Default.InteractionPayload)!.Type);
        }
        else
        {
            Assert.Equal("/hello-world", form["command"].ToString());
            Assert.Equal("Org Name", form["enterprise_name"].ToString());
            Assert.Equal("https://hooks.slack.com/commands/T111/111/xxxxx", form["response_url"].ToString());
        }
    }

    private static T Read<T>(string name, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(File.ReadAllText(Path.Combine("Fixtures", name)), type)!;

    private static void AssertEnvelopePayloadParses(SocketEnvelope envelope)
    {
        switch (envelope.Type)
        {
            case "events_api":
                Assert.Equal("event_callback", envelope.Payload.Deserialize(SlackJsonContext.Default.EventEnvelope)!.Type);
                break;
            case "slash_commands":
                Assert.False(string.IsNullOrEmpty(envelope.Payload.Deserialize(SlackJsonContext.Default.SlashCommandPayload)!.Command));
                break;
            case "interactive":
                Assert.False(string.IsNullOrEmpty(envelope.Payload.Deserialize(SlackJsonContext.Default.InteractionPayload)!.Type));
                break;
            case "hello":
                Assert.True(envelope.NumConnections >= 1);
                break;
            case "disconnect":
                Assert.False(string.IsNullOrEmpty(envelope.Reason));
                break;
            default:
                Assert.False(string.IsNullOrEmpty(envelope.EnvelopeId), "an ack carries the envelope id");
                break;
        }
    }
}

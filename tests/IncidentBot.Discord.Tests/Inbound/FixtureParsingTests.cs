using System.Security.Cryptography;
using System.Text.Json;
using IncidentBot.Discord.Tests.Infrastructure;
using IncidentBot.Discord.Wire;

namespace IncidentBot.Discord.Tests.Inbound;

/// <summary>Every Discord-written payload copied into Fixtures/ parses into the wire records; unknown fields are ignored.</summary>
public sealed class FixtureParsingTests
{
    public static TheoryData<string> JsonFixtures => new(Directory
        .EnumerateFiles(Fixture.Path(string.Empty), "*.json", SearchOption.AllDirectories)
        .Select(f => System.IO.Path.GetRelativePath(Fixture.Path(string.Empty), f).Replace('\\', '/'))
        .Where(f => f != "commands.json")
        .Order());

    [Theory]
    [MemberData(nameof(JsonFixtures))]
    public void Each_fixture_is_the_unaltered_copy_named_in_the_provenance_file(string relative)
    {
        var provenance = Fixture.Read("PROVENANCE.md");
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Fixture.Path(relative))));

        var entry = provenance.Split("\n\n").Single(b => b.StartsWith("discord-api-docs/" + relative, StringComparison.Ordinal)
            || b.StartsWith("ssMMiles-discord-interactions/" + relative, StringComparison.Ordinal));
        Assert.Contains("sha256:  " + hash, entry, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(JsonFixtures))]
    public void Each_fixture_parses_into_its_wire_record(string relative)
    {
        var json = Fixture.Read(relative);

        object? parsed = relative.Split('/')[0] switch
        {
            "gateway" => JsonSerializer.Deserialize(json, DiscordJsonContext.Default.GatewayPayload),
            "interactions" => JsonSerializer.Deserialize(json, DiscordJsonContext.Default.Interaction),
            _ when relative.Contains("channel", StringComparison.Ordinal) => JsonSerializer.Deserialize(json, DiscordJsonContext.Default.DiscordChannel),
            _ when relative.Contains("message", StringComparison.Ordinal) => JsonSerializer.Deserialize(json, DiscordJsonContext.Default.DiscordMessage),
            _ when relative.Contains("error", StringComparison.Ordinal) => JsonSerializer.Deserialize(json, DiscordJsonContext.Default.DiscordError),
            _ when relative.Contains("gateway", StringComparison.Ordinal) => JsonSerializer.Deserialize(json, DiscordJsonContext.Default.GatewayBotResponse),
            _ => JsonSerializer.Deserialize(json, DiscordJsonContext.Default.JsonElement),
        };

        Assert.NotNull(parsed);
    }

    [Fact]
    public void Gateway_payloads_keep_op_data_sequence_and_type()
    {
        var hello = JsonSerializer.Deserialize(Fixture.Read("gateway/hello.json"), DiscordJsonContext.Default.GatewayPayload)!;
        var dispatch = JsonSerializer.Deserialize(Fixture.Read("gateway/dispatch_envelope.json"), DiscordJsonContext.Default.GatewayPayload)!;
        var invalid = JsonSerializer.Deserialize(Fixture.Read("gateway/invalid_session.json"), DiscordJsonContext.Default.GatewayPayload)!;

        Assert.Equal(10, hello.Op);
        Assert.Equal(45000, hello.D.Deserialize(DiscordJsonContext.Default.HelloData)!.HeartbeatInterval);
        Assert.Equal((0, 42L, "GATEWAY_EVENT_NAME"), (dispatch.Op, dispatch.S!.Value, dispatch.T));
        Assert.Equal((9, JsonValueKind.False), (invalid.Op, invalid.D.ValueKind));
    }

    [Fact]
    public void A_documented_slash_command_a_button_click_and_a_legacy_modal_submit_parse()
    {
        var command = JsonSerializer.Deserialize(Fixture.Read("interactions/slash_command_interaction.json"), DiscordJsonContext.Default.Interaction)!;
        var button = JsonSerializer.Deserialize(Fixture.Read("interactions/component_button_interaction.json"), DiscordJsonContext.Default.Interaction)!;
        var modal = JsonSerializer.Deserialize(Fixture.Read("interactions/modal_submit_interaction_legacy_actionrow.json"), DiscordJsonContext.Default.Interaction)!;

        Assert.Equal((2, "cardsearch", "The Gitrog Monster"), (command.Type, command.Data!.Name, command.Data.Options![0].Value!.Value.GetString()));
        Assert.Equal("53908232506183680", command.Member!.User!.Id);
        Assert.Equal((3, "click_one", "844397162624450620"), (button.Type, button.Data!.CustomId, button.Message!.Id));
        Assert.Equal((5, "cool_modal", "John"), (modal.Type, modal.Data!.CustomId, modal.Data.Components![0].Components![0].Value));
        Assert.Equal("Mason", modal.Member!.User!.GlobalName);
    }

    [Fact]
    public void Real_captured_interactions_parse_with_their_member_and_message()
    {
        var captured = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Fixture.Read("captured_interactions.json"))!;

        var button = captured["buttonInteraction"].Deserialize(DiscordJsonContext.Default.Interaction)!;
        var command = captured["testCommandInteraction"].Deserialize(DiscordJsonContext.Default.Interaction)!;

        Assert.Equal(("testButton|{}", "goblin giggler", 23), (button.Data!.CustomId, button.Member!.Nick, button.Message!.Type));
        Assert.True(button.Message.Author!.Bot);
        Assert.Equal(("test", "690255418060046348"), (command.Data!.Name, command.GuildId));
    }

    [Fact]
    public void Documented_messages_and_threads_parse_with_their_ids_and_types()
    {
        var message = JsonSerializer.Deserialize(Fixture.Read("rest/message_example.json"), DiscordJsonContext.Default.DiscordMessage)!;
        var thread = JsonSerializer.Deserialize(Fixture.Read("rest/thread_channel_example.json"), DiscordJsonContext.Default.DiscordChannel)!;
        var error = JsonSerializer.Deserialize(Fixture.Read("rest/error_50035_request.json"), DiscordJsonContext.Default.DiscordError)!;

        Assert.Equal(("334385199974967042", "Supa Hot", "Mason"), (message.Id, message.Content, message.Author!.Username));
        Assert.Equal(new DateTimeOffset(2017, 7, 11, 17, 27, 7, 299, TimeSpan.Zero), message.Timestamp);
        Assert.Equal((11, "41771983423143937"), (thread.Type!.Value, thread.ParentId));
        Assert.Equal(50035, error.Code);
    }
}

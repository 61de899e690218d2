using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Discord.Inbound;
using IncidentBot.Discord.Tests.Infrastructure;
using IncidentBot.Discord.Wire;
using IncidentBot.Testing.Fakes.Discord;

namespace IncidentBot.Discord.Tests.Inbound;

/// <summary>Slash commands, buttons and modal submissions mapped to Core, and the answers chosen for Discord.</summary>
public sealed class InteractionHandlerTests : IAsyncLifetime
{
    private const string Person = "1400000000000000001";

    private DiscordHarness _h = null!;

    private DiscordInteractionHandler Handler => _h.Get<DiscordInteractionHandler>();

    public async ValueTask InitializeAsync() => _h = await DiscordHarness.StartAsync(new Dictionary<string, string?>
    {
        ["Discord:IncidentsChannel"] = "1100000000000000004",
    });

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    public static TheoryData<string, string, string> Commands => new()
    {
        { "declare", """[{"name":"severity","type":3,"value":"sev2"},{"name":"title","type":3,"value":"Checkout slow"}]""", "declare sev2 Checkout slow" },
        { "declare", """[{"name":"severity","type":3,"value":"sev1"},{"name":"title","type":3,"value":"DB down"},{"name":"user","type":6,"value":"222222222222222222"}]""", "declare sev1 DB down commander <@222222222222222222|Bo Bo>" },
        { "commander", """[{"name":"user","type":6,"value":"222222222222222222"},{"name":"incident","type":3,"value":"INC-4"}]""", "commander INC-4 <@222222222222222222|Bo Bo>" },
        { "sev", """[{"name":"severity","type":3,"value":"sev3"}]""", "sev sev3" },
        { "status", """[{"name":"state","type":3,"value":"identified"},{"name":"message","type":3,"value":"bad deploy abc123"}]""", "status identified bad deploy abc123" },
        { "update", """[{"name":"text","type":3,"value":"rolled back"},{"name":"incident","type":3,"value":"42"}]""", "update INC-42 rolled back" },
        { "impact", """[{"name":"text","type":3,"value":"12 customers"}]""", "impact 12 customers" },
        { "summary", """[{"name":"text","type":3,"value":"Block rate at 18%"}]""", "summary Block rate at 18%" },
        { "note", """[{"name":"text","type":3,"value":"paged DBA"}]""", "note paged DBA" },
        { "action", """[{"name":"text","type":3,"value":"add alert"},{"name":"user","type":6,"value":"222222222222222222"},{"name":"due","type":3,"value":"2026-05-01"}]""", "action add alert <@222222222222222222|Bo Bo> due 2026-05-01" },
        { "ack", "[]", "ack" },
        { "resolve", """[{"name":"text","type":3,"value":"fixed"}]""", "resolve fixed" },
        { "close", """[{"name":"incident","type":3,"value":"inc-7"}]""", "close INC-7" },
        { "reopen", "[]", "reopen" },
        { "timeline", "[]", "timeline" },
        { "postmortem", """[{"name":"done","type":5,"value":true},{"name":"link","type":3,"value":"https://docs.example/pm"}]""", "postmortem done https://docs.example/pm" },
        { "postmortem", "[]", "postmortem" },
        { "list", "[]", "list" },
        { "help", """[{"name":"command","type":3,"value":"update"}]""", "help update" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_subcommand_becomes_a_line_of_the_shared_grammar(string subcommand, string optionsJson, string expected)
    {
        var interaction = Command(subcommand, optionsJson);

        var reply = await Handler.HandleAsync(interaction, InboundSources.Gateway, TestContext.Current.CancellationToken);

        var command = Assert.IsType<CommandInvoked>(Assert.Single(_h.Core.Events));
        Assert.Equal(expected, command.Text);
        Assert.Equal((4, 64), (reply.Response.Type, reply.Response.Data!.Flags));
        Assert.Equal(new WorkspaceId(Platform.Discord, _h.Discord.GuildId), command.Context.Workspace);
        Assert.Equal("1100000000000000004", command.IncidentsChannelId);
        Assert.Equal("Ana", command.Context.User.Name);
    }

    [Fact]
    public async Task Inside_a_thread_the_thread_is_the_channel_and_the_thread_so_core_infers_the_incident()
    {
        var interaction = Command("update", """[{"name":"text","type":3,"value":"x"}]""") with { ChannelId = "1300000000000000100" };

        await Handler.HandleAsync(interaction, InboundSources.Gateway, TestContext.Current.CancellationToken);

        var context = Assert.Single(_h.Core.Events).Context;
        Assert.Equal(("1300000000000000100", "1300000000000000100"), (context.ChannelId, context.ThreadId));
    }

    [Fact]
    public async Task An_incident_option_that_is_not_an_id_is_refused_without_reaching_core()
    {
        var reply = await Handler.HandleAsync(Command("update", """[{"name":"text","type":3,"value":"x"},{"name":"incident","type":3,"value":"latest"}]"""),
            InboundSources.Gateway, TestContext.Current.CancellationToken);

        Assert.Empty(_h.Core.Events);
        Assert.Contains("not an incident id", reply.Response.Data!.Content, StringComparison.Ordinal);
        Assert.Equal(64, reply.Response.Data.Flags);
    }

    [Fact]
    public async Task A_refused_command_shows_cores_reason_privately()
    {
        _h.Core.Answer = _ => InboundOutcome.Refused("Unknown incident INC-9.");

        var reply = await Handler.HandleAsync(Command("ack", "[]"), InboundSources.Gateway, TestContext.Current.CancellationToken);

        Assert.Equal((4, 64, "Unknown incident INC-9."), (reply.Response.Type, reply.Response.Data!.Flags, reply.Response.Data.Content));
    }

    [Fact]
    public async Task The_same_interaction_twice_changes_state_once()
    {
        var interaction = Command("ack", "[]");

        await Handler.HandleAsync(interaction, InboundSources.Gateway, TestContext.Current.CancellationToken);
        var second = await Handler.HandleAsync(interaction, InboundSources.Gateway, TestContext.Current.CancellationToken);

        Assert.Single(_h.Core.Accepted);
        Assert.Contains("already handled", second.Response.Data!.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ack:INC-3", ButtonAction.Acknowledge)]
    [InlineData("take_command:INC-3", ButtonAction.TakeCommand)]
    [InlineData("resolve:INC-3", ButtonAction.Resolve)]
    [InlineData("close:INC-3", ButtonAction.Close)]
    public async Task A_button_is_acknowledged_as_a_component_update_and_its_result_follows_privately(string customId, ButtonAction action)
    {
        var reply = await Handler.HandleAsync(Button(customId), InboundSources.Gateway, TestContext.Current.CancellationToken);

        var click = Assert.IsType<ButtonClicked>(Assert.Single(_h.Core.Events));
        Assert.Equal((new IncidentId(3), action), (click.IncidentId, click.Action));
        Assert.Equal(6, reply.Response.Type);
        Assert.Equal((64, "Done by the fake core."), (reply.FollowUp!.Flags, reply.FollowUp.Content));
    }

    [Fact]
    public async Task Post_update_opens_a_modal_whose_submission_is_an_update_command()
    {
        var reply = await Handler.HandleAsync(Button("post_update:INC-3"), InboundSources.Gateway, TestContext.Current.CancellationToken);
        Assert.Empty(_h.Core.Events);
        Assert.Equal((9, "update:INC-3"), (reply.Response.Type, reply.Response.Data!.CustomId));
        var input = reply.Response.Data.Components![0].Component!;

        var submitted = JsonSerializer.Deserialize(
            DiscordPayloads.ModalSubmit(_h.Discord, "1300000000000000100", "1700000000000000009", Person, "Ana", "update:INC-3", input.CustomId!, "rolled back").ToJsonString(),
            DiscordJsonContext.Default.Interaction)!;
        var answer = await Handler.HandleAsync(submitted, InboundSources.Gateway, TestContext.Current.CancellationToken);

        Assert.Equal("update INC-3 rolled back", Assert.IsType<CommandInvoked>(Assert.Single(_h.Core.Events)).Text);
        Assert.Equal((4, 64), (answer.Response.Type, answer.Response.Data!.Flags));
    }

    [Fact]
    public async Task A_modal_submitted_in_the_legacy_action_row_layout_is_read_too()
    {
        var legacy = new JsonObject
        {
            ["custom_id"] = "update:INC-3",
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = 1,
                ["components"] = new JsonArray(new JsonObject { ["type"] = 4, ["custom_id"] = "text", ["value"] = "legacy layout" }),
            }),
        };
        var interaction = Button("x") with { Type = 5, Data = legacy.Deserialize(DiscordJsonContext.Default.InteractionData) };

        await Handler.HandleAsync(interaction, InboundSources.Gateway, TestContext.Current.CancellationToken);

        Assert.Equal("update INC-3 legacy layout", Assert.IsType<CommandInvoked>(Assert.Single(_h.Core.Events)).Text);
    }

    [Fact]
    public async Task A_long_reply_is_attached_rather_than_cut()
    {
        _h.Core.Answer = _ => new InboundOutcome(InboundResult.Accepted, MessageContent.Plain(string.Join('\n', Enumerable.Range(0, 300).Select(i => $"entry {i}"))), null);

        var reply = await Handler.HandleAsync(Command("timeline", "[]"), InboundSources.Gateway, TestContext.Current.CancellationToken);

        Assert.InRange(reply.Response.Data!.Content!.Length, 1, 2000);
        Assert.EndsWith("reply.txt.", reply.Response.Data.Content, StringComparison.Ordinal);
        Assert.Contains("entry 299", System.Text.Encoding.UTF8.GetString(reply.File!.Content), StringComparison.Ordinal);
    }

    private Interaction Command(string subcommand, string optionsJson)
    {
        var options = JsonNode.Parse(optionsJson)!.AsArray().Select(o => (o!["name"]!.GetValue<string>(), o["type"]!.GetValue<int>(), o["value"]!.DeepClone())).ToArray();
        var json = DiscordPayloads.SlashCommand(_h.Discord, _h.Discord.IncidentsChannelId, "1700000000000000001", Person, "Ana", subcommand, options);
        json["data"]!["resolved"] = new JsonObject
        {
            ["users"] = new JsonObject { ["222222222222222222"] = new JsonObject { ["id"] = "222222222222222222", ["username"] = "bo", ["global_name"] = "Bo|<Bo>" } },
        };
        return JsonSerializer.Deserialize(json.ToJsonString(), DiscordJsonContext.Default.Interaction)!;
    }

    private Interaction Button(string customId) => JsonSerializer.Deserialize(
        DiscordPayloads.Button(_h.Discord, _h.Discord.IncidentsChannelId, "1700000000000000002", Person, "Ana", customId, "1300000000000000100").ToJsonString(),
        DiscordJsonContext.Default.Interaction)!;
}

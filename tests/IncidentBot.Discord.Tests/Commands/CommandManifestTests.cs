using System.Text.Json.Nodes;
using IncidentBot.Core.Commands;
using IncidentBot.Discord.Commands;
using IncidentBot.Discord.Tests.Infrastructure;

namespace IncidentBot.Discord.Tests.Commands;

/// <summary>manifests/discord/commands.json is the one source of truth: it must match the grammar and Discord's limits.</summary>
public sealed class CommandManifestTests
{
    private readonly JsonObject _command = CommandManifest.Load();

    private IEnumerable<JsonObject> Subcommands => _command["options"]!.AsArray().Select(o => o!.AsObject());

    [Fact]
    public void The_embedded_definition_is_the_manifest_file()
    {
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Fixture.Read("commands.json")), _command));
    }

    [Fact]
    public void Every_verb_of_the_grammar_has_a_subcommand_and_every_subcommand_is_a_verb()
    {
        Assert.Equal(CommandUsage.All.Select(u => u.Verb).Order(), Subcommands.Select(s => s["name"]!.GetValue<string>()).Order());
    }

    [Fact]
    public void Options_use_the_agreed_names_and_an_optional_incident_where_a_verb_takes_an_id()
    {
        var allowed = new HashSet<string> { "severity", "title", "user", "state", "message", "text", "incident", "due", "done", "link", "command" };
        foreach (var sub in Subcommands)
        {
            var verb = sub["name"]!.GetValue<string>();
            var options = sub["options"]?.AsArray().Select(o => o!.AsObject()).ToList() ?? [];
            Assert.All(options, o => Assert.Contains(o["name"]!.GetValue<string>(), allowed));
            var takesId = CommandUsage.For(verb).Contains("[INC-n]", StringComparison.Ordinal);
            Assert.Equal(takesId, options.Any(o => o["name"]!.GetValue<string>() == "incident" && o["required"] is null));
        }
    }

    [Fact]
    public void The_definition_keeps_within_discords_command_limits()
    {
        Assert.InRange(Subcommands.Count(), 1, 25);
        foreach (var sub in Subcommands)
        {
            Assert.Matches("^[-_a-z0-9]{1,32}$", sub["name"]!.GetValue<string>());
            Assert.InRange(sub["description"]!.GetValue<string>().Length, 1, 100);
            var required = (sub["options"]?.AsArray() ?? []).Select(o => o!["required"]?.GetValue<bool>() ?? false).ToList();
            Assert.Equal(required.OrderByDescending(r => r), required);
        }

        Assert.InRange(Size(_command), 1, 8000);
        var title = Subcommands.Single(s => s["name"]!.GetValue<string>() == "declare")["options"]!.AsArray().Single(o => o!["name"]!.GetValue<string>() == "title")!;
        Assert.Equal(93, title["max_length"]!.GetValue<int>());
    }

    private static int Size(JsonNode? node) => node switch
    {
        JsonObject o => o.Where(p => p.Key is "name" or "description" or "value" && p.Value is JsonValue v && v.TryGetValue<string>(out _))
            .Sum(p => p.Value!.GetValue<string>().Length) + o.Sum(p => p.Value is JsonObject or JsonArray ? Size(p.Value) : 0),
        JsonArray a => a.Sum(Size),
        _ => 0,
    };
}

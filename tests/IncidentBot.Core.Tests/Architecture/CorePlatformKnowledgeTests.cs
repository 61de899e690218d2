using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Tests.Architecture;

/// <summary>
/// DESIGN.md §11: Core knows no platform. What the compiled Core says (its string literals, regular expressions
/// included, and the types it references) names no emoji, no platform button id, no Slack or Discord markup rule
/// and no JSON serialisation attribute: those belong to the adapters and the storage.
/// </summary>
public sealed partial class CorePlatformKnowledgeTests
{
    [Fact]
    public void Core_names_no_emoji_by_name()
    {
        string[] names = ["eyes", "white_check_mark", "heavy_check_mark", "pushpin", "round_pushpin", "thumbsup", "+1", "rotating_light"];

        var found = Literals().Where(s => names.Contains(s, StringComparer.Ordinal) || Shortcode().IsMatch(s)).ToList();

        Assert.Empty(found);
    }

    [Fact]
    public void Core_builds_no_platform_button_id()
    {
        string[] ids = ["custom_id", "action_id", "callback_id", "block_id", "declare_alert", "block_actions", "view_submission"];

        var found = Literals().Where(s => ids.Any(id => s.Contains(id, StringComparison.Ordinal))).ToList();

        Assert.Empty(found);
    }

    /// <summary>
    /// Slack's tokens (<c>&lt;!here&gt;</c>, <c>&lt;#C1|name&gt;</c>, <c>&lt;!subteam^…&gt;</c>, <c>&lt;!date^…&gt;</c>), its
    /// HTML entities, Discord's (<c>&lt;@!id&gt;</c>, <c>&lt;@&amp;role&gt;</c>, <c>&lt;t:…&gt;</c>, <c>&lt;:emoji:id&gt;</c>).
    /// The mention token <c>&lt;@id&gt;</c> is Core's own: it is how every front end names a person.
    /// </summary>
    [Fact]
    public void Core_reads_and_writes_no_slack_or_discord_markup()
    {
        string[] markup = ["<!", "<#", "!subteam", "!date^", "&lt;", "&gt;", "&amp;", "mrkdwn", "<@!", "<@&", "@!?", "@&", "<t:", "t:(?", "<a?:", "a?:"];

        var found = Literals().Where(s => markup.Any(m => s.Contains(m, StringComparison.Ordinal))).ToList();

        Assert.Empty(found);
    }

    [Fact]
    public void Core_carries_no_json_serialisation_attribute()
    {
        var json = TypeReferences().Where(t => t.StartsWith("System.Text.Json", StringComparison.Ordinal)).ToList();

        Assert.Empty(json);
    }

    [Fact]
    public void The_checks_see_the_real_literals()
    {
        Assert.Contains(Literals(), s => s.Contains("Acknowledged by", StringComparison.Ordinal));
        Assert.Contains(Literals(), s => s.Contains("(?<id>", StringComparison.Ordinal));
    }

    private static List<string> Literals()
    {
        using var stream = File.OpenRead(typeof(Incident).Assembly.Location);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var literals = new List<string>();
        var handle = MetadataTokens.UserStringHandle(1);
        while (!handle.IsNil)
        {
            literals.Add(reader.GetUserString(handle));
            handle = reader.GetNextHandle(handle);
        }

        return literals;
    }

    private static IReadOnlyList<string> TypeReferences()
    {
        using var stream = File.OpenRead(typeof(Incident).Assembly.Location);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return [.. reader.TypeReferences.Select(reader.GetTypeReference).Select(t => $"{reader.GetString(t.Namespace)}.{reader.GetString(t.Name)}")];
    }

    /// <summary>An emoji shortcode as people type it, <c>:white_check_mark:</c>.</summary>
    [GeneratedRegex("^:[a-z0-9_+-]+:$", RegexOptions.CultureInvariant)]
    private static partial Regex Shortcode();
}

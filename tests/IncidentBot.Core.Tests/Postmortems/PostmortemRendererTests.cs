using System.Text.RegularExpressions;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Postmortems;

namespace IncidentBot.Core.Tests.Postmortems;

public sealed partial class PostmortemRendererTests
{
    private static string[] TemplateOrder { get; } =
    [
        "# Postmortem — ", "**Date:** ", "**Duration:** ", "**Author:** ", "**Reviewers:** ", "## Summary", "## Impact",
        "## Timeline", "## Root cause", "## What went well", "## What went poorly", "## Action items", "## Response metrics",
    ];

    [Fact]
    public void The_file_name_is_the_declared_date_the_id_and_a_slug_of_the_title()
    {
        var incident = PostmortemScenarios.Sev2PipelineBlocks().Incident!;

        Assert.Equal("2026-04-18-inc-42-pipeline-blocks-spiking.md", PostmortemRenderer.FileName(incident));
    }

    [Theory]
    [InlineData("Déploiement échoué: API & DB — 50% 5xx!!", "deploiement-echoue-api-db-50-5xx")]
    [InlineData("🔥🔥🔥", "incident")]
    [InlineData("Every single checkout request in every single region times out after the deploy", "every-single-checkout-request-in-every-single-region-times")]
    public void The_slug_is_lower_case_ascii_cut_at_a_word(string title, string slug)
    {
        var incident = PostmortemScenarios.Sev2PipelineBlocks().Incident! with { Title = title };

        Assert.Equal($"2026-04-18-inc-42-{slug}.md", PostmortemRenderer.FileName(incident));
    }

    [Theory]
    [InlineData("sev2")]
    [InlineData("sev1")]
    [InlineData("hostile")]
    public void Sections_follow_the_template_order_and_appear_once(string scenario)
    {
        var lines = OutsideCodeBlocks(Scenario(scenario).Render());

        var positions = TemplateOrder.Select(prefix => lines.FindIndex(l => l.StartsWith(prefix, StringComparison.Ordinal))).ToList();

        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Single(lines, l => l.StartsWith("# ", StringComparison.Ordinal));
        Assert.Equal(TemplateOrder.Count(p => p.StartsWith("## ", StringComparison.Ordinal)), lines.Count(l => l.StartsWith("## ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Deleted_messages_are_left_out_and_edits_show_the_latest_text()
    {
        var draft = PostmortemScenarios.Sev2PipelineBlocks().Render();

        Assert.DoesNotContain("wrong thread", draft, StringComparison.Ordinal);
        Assert.Contains("— bob — yes, every agent on the OpenAI provider & nothing else _(edited)_\n", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_events_lead_the_timeline()
    {
        var draft = PostmortemScenarios.Sev2PipelineBlocks().Render();

        var key = draft.IndexOf("### Key events\n\n- 14:28 — bob — found it:", StringComparison.Ordinal);
        Assert.True(key > 0 && key < draft.IndexOf("### Full timeline", StringComparison.Ordinal));
    }

    [Fact]
    public void Hostile_text_cannot_add_table_columns()
    {
        var lines = OutsideCodeBlocks(PostmortemScenarios.HostileText().Render());

        var tables = Tables(lines);

        Assert.Equal(3, tables.Count);
        Assert.All(tables, table => Assert.All(table, row => Assert.Equal(UnescapedPipe().Count(table[0]), UnescapedPipe().Count(row))));
        Assert.Contains(tables[0], row => row.Contains("\\`c\\`", StringComparison.Ordinal));
    }

    [Fact]
    public void Hostile_text_leaves_no_raw_html_and_every_code_block_closes()
    {
        var draft = PostmortemScenarios.HostileText().Render();
        var lines = OutsideCodeBlocks(draft);

        Assert.All(lines.Skip(FrontMatterLines(lines)), line => Assert.DoesNotMatch(RawAngle(), line.Replace("<br>", string.Empty, StringComparison.Ordinal)));
        Assert.Contains(PostmortemScenarios.TenKilobytePaste(), draft.Replace("\n  ", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_front_matter_stays_one_block_whatever_the_title()
    {
        var incident = PostmortemScenarios.Sev2PipelineBlocks();
        incident.Incident = incident.Incident! with { Title = "a\"b\n---\nc: d" };

        var lines = incident.Render().Split('\n');

        Assert.Equal("---", lines[0]);
        Assert.Equal("title: \"a\\\"b\\n---\\nc: d\"", lines[2]);
        Assert.Equal(15, Array.IndexOf(lines, "---", 1));
    }

    [Fact]
    public void The_regenerate_entry_is_not_part_of_the_timeline()
    {
        var draft = PostmortemScenarios.HostileText().Render();

        Assert.DoesNotContain("Postmortem draft regenerated", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unresolved_incident_says_so_in_its_duration()
    {
        var s = PostmortemScenarios.Sev1WithoutUpdates();
        s.Incident = s.Incident! with { Status = IncidentStatus.Investigating, ResolvedAt = null, ClosedAt = null };

        var draft = s.Render();

        Assert.Contains("**Duration:** 02:10 → not resolved\n", draft, StringComparison.Ordinal);
        Assert.Contains("| Time to resolve | not resolved | — |\n", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void A_downgrade_to_sev3_keeps_the_cadence_that_was_measured()
    {
        var s = PostmortemScenarios.Sev1WithoutUpdates();
        s.Add("03:00", TimelineKind.SeverityChanged, s.Incident!.Commander, "Severity SEV1 → SEV3", "SEV3");
        s.Incident = s.Incident with { Severity = Severity.Sev3 };

        var draft = s.Render();

        Assert.Contains("| Updates on time | 0 of 3 | the cadence of each severity while it applied ⚠️ |\n", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_twice_gives_the_same_bytes()
    {
        Assert.Equal(PostmortemScenarios.Sev2PipelineBlocks().Render(), PostmortemScenarios.Sev2PipelineBlocks().Render());
    }

    private static ScriptedIncident Scenario(string name) => name switch
    {
        "sev2" => PostmortemScenarios.Sev2PipelineBlocks(),
        "sev1" => PostmortemScenarios.Sev1WithoutUpdates(),
        _ => PostmortemScenarios.HostileText(),
    };

    /// <summary>The document's lines that a Markdown reader parses as markup (fenced code blocks removed).</summary>
    private static List<string> OutsideCodeBlocks(string draft)
    {
        var outside = new List<string>();
        string? fence = null;
        foreach (var line in draft.Split('\n'))
        {
            var trimmed = line.TrimStart();
            var run = trimmed.Length - trimmed.TrimStart('`').Length;
            if (fence is null && run >= 3)
            {
                fence = new string('`', run);
            }
            else if (fence is not null && trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.Trim('`').Length == 0)
            {
                fence = null;
            }
            else if (fence is null)
            {
                outside.Add(line);
            }
        }

        Assert.Null(fence);
        return outside;
    }

    /// <summary>Runs of consecutive lines that start with a pipe: each is one GFM table.</summary>
    private static List<List<string>> Tables(List<string> lines)
    {
        var tables = new List<List<string>>();
        List<string>? current = null;
        foreach (var line in lines)
        {
            if (line.StartsWith('|'))
            {
                current ??= [];
                current.Add(line);
            }
            else if (current is not null)
            {
                tables.Add(current);
                current = null;
            }
        }

        if (current is not null)
        {
            tables.Add(current);
        }

        return tables;
    }

    private static int FrontMatterLines(List<string> lines) => lines.IndexOf("---", 1) + 1;

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    [GeneratedRegex(@"(?<!\\)<")]
    private static partial Regex RawAngle();
}

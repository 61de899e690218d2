using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.StatusDocs;
using IncidentBot.Slack.Outbound;
using IncidentBot.Slack.Rendering;
using IncidentBot.Slack.Wire;
using IncidentBot.Slack.Wire.BlockKit;
using IncidentBot.Testing.Fakes.Slack;

namespace IncidentBot.Slack.Tests.Rendering;

public sealed class BlockKitRendererTests
{
    private static DateTimeOffset Declared => new(2026, 4, 18, 12, 23, 0, TimeSpan.Zero);

    private static StatusDoc Doc(string title = "Pipeline blocks spiking", string? summary = null, IReadOnlyList<StatusDocEntry>? recent = null,
        IReadOnlyList<ButtonAction>? buttons = null) => new(
        new IncidentId(42),
        $"[SEV2] {title}",
        Severity.Sev2,
        IncidentStatus.Investigating,
        Declared,
        summary,
        null,
        null,
        new UserRef("U0JENS", "jens"),
        null,
        null,
        Declared.AddMinutes(30),
        Declared.AddMinutes(15),
        recent ?? [],
        buttons ?? [ButtonAction.Acknowledge, ButtonAction.TakeCommand, ButtonAction.PostUpdate, ButtonAction.Resolve]);

    private static SlackRenderContext Context(string? permalink = null) => new("<!subteam^S0ONCALL>", "C0INCIDENTS", permalink);

    /// <summary>The blocks as the bot writes them to Slack.</summary>
    private static JsonArray Written(SlackMessageBody body) =>
        JsonNode.Parse(JsonSerializer.Serialize(body.Blocks!, SlackJsonContext.Default.IReadOnlyListBlock))!.AsArray();

    /// <summary>The modal as the bot writes it to <c>views.open</c>.</summary>
    private static JsonObject Written(ModalView modal) =>
        JsonNode.Parse(JsonSerializer.Serialize(modal, SlackJsonContext.Default.ModalView))!.AsObject();

    [Theory]
    [InlineData("a & b <!channel> *c* _d_", "a &amp; b &lt;!channel&gt; *c* _d_")]
    [InlineData("<<&>>", "&lt;&lt;&amp;&gt;&gt;")]
    [InlineData("&start and end>", "&amp;start and end&gt;")]
    [InlineData("`deploy <env>` — what's left", "`deploy &lt;env&gt;` — what's left")]
    [InlineData("nothing to escape", "nothing to escape")]
    public void Mrkdwn_escapes_exactly_the_three_control_characters(string text, string expected)
    {
        Assert.Equal(expected, SlackMrkdwn.Escape(text));
    }

    [Fact]
    public void A_title_that_tries_to_ping_the_channel_pings_nobody()
    {
        var body = BlockKitRenderer.StatusDoc(Doc("<!channel> <@U123> & <!everyone>", summary: "see <https://evil|here> <!here>"));

        // mrkdwn is where Slack parses mentions; plain_text (the header) shows text as typed and pings nobody.
        var mrkdwn = string.Join('\n', MrkdwnTexts(Written(body)).Append(body.Text));
        Assert.DoesNotContain("<!channel>", mrkdwn, StringComparison.Ordinal);
        Assert.DoesNotContain("<!everyone>", mrkdwn, StringComparison.Ordinal);
        Assert.DoesNotContain("<!here>", mrkdwn, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U123>", mrkdwn, StringComparison.Ordinal);
        Assert.DoesNotContain("<https://evil", mrkdwn, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt;", body.Text, StringComparison.Ordinal);
        Assert.Contains("&lt;https://evil|here&gt; &lt;!here&gt;", mrkdwn, StringComparison.Ordinal);
        Assert.Equal("plain_text", Written(body)[0]!["text"]!["type"]!.GetValue<string>());
    }

    private static IEnumerable<string> MrkdwnTexts(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "mrkdwn" => [o["text"]!.GetValue<string>()],
        JsonObject o => o.SelectMany(p => MrkdwnTexts(p.Value)),
        JsonArray a => a.SelectMany(MrkdwnTexts),
        _ => [],
    };

    [Fact]
    public void The_status_doc_has_the_runbook_shape_and_the_buttons()
    {
        var body = BlockKitRenderer.StatusDoc(Doc(summary: "Block rate at 18%", recent:
        [
            new StatusDocEntry(Declared.AddMinutes(11), "jens", "hotfix merged", Key: true),
            new StatusDocEntry(Declared.AddMinutes(6), null, "identified regression", Key: false),
        ]));

        var blocks = Written(body);
        Assert.Equal("header", blocks[0]!["type"]!.GetValue<string>());
        Assert.Equal("[SEV2] Pipeline blocks spiking", blocks[0]!["text"]!["text"]!.GetValue<string>());
        var text = JsonText.Of(blocks);
        foreach (var heading in new[] { "What's happening", "Impact", "Current status", "Commander", "Acknowledged by", "Timeline" })
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }

        Assert.Contains("Block rate at 18%", text, StringComparison.Ordinal);
        Assert.Contains("<@U0JENS>", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("hotfix merged", StringComparison.Ordinal) < text.IndexOf("identified regression", StringComparison.Ordinal), "newest first");
        Assert.Contains("📌", text, StringComparison.Ordinal);

        var actions = blocks.Last()!["elements"]!.AsArray();
        Assert.Equal(["ack", "take_command", "post_update", "resolve"], actions.Select(a => a!["action_id"]!.GetValue<string>()));
        Assert.All(actions, a => Assert.Equal("INC-42", a!["value"]!.GetValue<string>()));
    }

    [Fact]
    public void Times_render_in_each_readers_local_time_with_a_utc_fallback()
    {
        Assert.Equal("<!date^1776514980^{time}|12:23 UTC>", SlackMrkdwn.Date(Declared, TimestampStyle.Time));
        Assert.Equal("<!date^1776514980^{date_short_pretty} {time}|2026-04-18 12:23 UTC>", SlackMrkdwn.Date(Declared, TimestampStyle.DateTime));
        Assert.StartsWith("<!date^1776514980^{ago}|", SlackMrkdwn.Date(Declared, TimestampStyle.Relative), StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_renders_mentions_escalation_times_and_escaped_text()
    {
        var content = new MessageBuilder().Escalation().Text(" <b> & ").Mention("U0JENS").Text(" due ").Time(Declared).Bold("now").Code("ack").Build();

        var body = BlockKitRenderer.Message(content, new IncidentId(42), Context());

        Assert.Equal("<!subteam^S0ONCALL> &lt;b&gt; &amp; <@U0JENS> due <!date^1776514980^{time}|12:23 UTC>*now*`ack`", body.Text);
        Assert.Null(body.Blocks);
    }

    [Fact]
    public void A_message_with_buttons_gets_a_section_and_actions()
    {
        var content = new MessageBuilder().Text("close?").Button(ButtonAction.Close).Build();

        var body = BlockKitRenderer.Message(content, new IncidentId(7), Context());

        Assert.Equal("section", Written(body)[0]!["type"]!.GetValue<string>());
        Assert.Equal("close", Written(body)[1]!["elements"]![0]!["action_id"]!.GetValue<string>());
        Assert.Equal("INC-7", Written(body)[1]!["elements"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Blocks_are_written_as_block_kit_spells_them_with_unset_fields_left_out()
    {
        var content = new MessageBuilder().Text("close?").Button(ButtonAction.Close).Button(ButtonAction.Resolve).Build();

        var body = BlockKitRenderer.Message(content, new IncidentId(7), Context());

        Assert.Equal(
            """
            [{"type":"section","text":{"type":"mrkdwn","text":"close?","verbatim":true}},{"type":"actions","block_id":"incident:INC-7","elements":[{"type":"button","action_id":"close","value":"INC-7","text":{"type":"plain_text","text":"Close","emoji":true}},{"type":"button","action_id":"resolve","value":"INC-7","text":{"type":"plain_text","text":"Resolve","emoji":true},"style":"danger"}]}]
            """,
            JsonSerializer.Serialize(body.Blocks!, SlackJsonContext.Default.IReadOnlyListBlock));
    }

    [Fact]
    public void A_thread_link_uses_the_permalink_when_known_and_the_channel_otherwise()
    {
        var content = new MessageBuilder().Text("INC-3 is open: ").Thread().Build();

        Assert.Equal("INC-3 is open: <https://x.slack.com/archives/C1/p1|the incident thread>",
            SlackMrkdwn.Render(content.Inlines, Context("https://x.slack.com/archives/C1/p1")));
        Assert.Equal("INC-3 is open: <#C0INCIDENTS>", SlackMrkdwn.Render(content.Inlines, Context()));
    }

    [Fact]
    public void Oversized_text_is_cut_visibly_and_never_inside_an_entity()
    {
        var fitted = SlackMrkdwn.Fit(new string('a', 2996) + "&amp;&amp;", 3000);

        Assert.Equal(2997, fitted.Length);
        Assert.EndsWith("a…", fitted, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_summary_stays_inside_the_section_limit()
    {
        var body = BlockKitRenderer.StatusDoc(Doc(summary: new string('<', 3000)));

        Assert.All(Written(body), b =>
        {
            if (b!["text"]?["text"] is JsonValue v)
            {
                Assert.True(v.GetValue<string>().Length <= BlockKitRenderer.SectionTextMax);
            }
        });
    }

    [Theory]
    [InlineData(null, "<!here>")]
    [InlineData("", "<!here>")]
    [InlineData("<!subteam^S0123>,<@&123456789>", "<!subteam^S0123>")]
    [InlineData("<@&123456789>, <!subteam^S0123|@oncall>", "<!subteam^S0123|@oncall>")]
    [InlineData("<@&123456789>", "<!here>")]
    [InlineData("<@U0ONCALL>", "<@U0ONCALL>")]
    [InlineData("@channel", "<!here>")]
    public void The_escalation_mention_is_the_first_value_in_slack_syntax(string? configured, string expected)
    {
        Assert.Equal(expected, SlackEscalation.From(configured).Markup);
    }

    [Fact]
    public void The_post_update_modal_carries_the_incident_and_channel()
    {
        var modal = Written(BlockKitRenderer.PostUpdateModal(new IncidentId(42), "C0INCIDENTS"));

        Assert.Equal("post_update", modal["callback_id"]!.GetValue<string>());
        Assert.Equal("INC-42|C0INCIDENTS", modal["private_metadata"]!.GetValue<string>());
        Assert.True(modal["title"]!["text"]!.GetValue<string>().Length <= 24);
    }

    [Fact]
    public void The_declare_modal_asks_for_severity_title_and_commander()
    {
        var modal = Written(BlockKitRenderer.DeclareModal("C0GENERAL"));

        Assert.Equal(["severity", "title", "commander"], modal["blocks"]!.AsArray().Select(b => b!["block_id"]!.GetValue<string>()));
        Assert.Equal(IncidentLimits.TitleMax, modal["blocks"]![1]!["element"]!["max_length"]!.GetValue<int>());
        Assert.True(modal["title"]!["text"]!.GetValue<string>().Length <= 24);
    }
}

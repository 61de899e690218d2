using IncidentBot.Core.Commands;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Tests.Commands;

/// <summary>The one grammar of DESIGN.md §2, with ordinary input for every verb.</summary>
public sealed class CommandParserTests
{
    private static UserRef Bob { get; } = new("U0BOB", "bob");

    [Fact]
    public void Declare_takes_a_severity_and_a_title()
    {
        var command = Parse<DeclareCommand>("declare sev1 Pipeline blocks spiking");

        Assert.Equal(new DeclareCommand(Severity.Sev1, "Pipeline blocks spiking", null), command);
    }

    [Theory]
    [InlineData("declare SEV2 Checkout slow", Severity.Sev2)]
    [InlineData("Declare sev3 Checkout slow", Severity.Sev3)]
    [InlineData("declare 1 Checkout slow", Severity.Sev1)]
    public void Declare_accepts_the_severity_in_any_case_and_as_a_bare_number(string input, Severity severity) =>
        Assert.Equal(severity, Parse<DeclareCommand>(input).Severity);

    [Fact]
    public void Declare_trims_the_title_and_reads_a_trailing_commander_mention()
    {
        var command = Parse<DeclareCommand>("  declare sev2   Checkout slow   commander <@U0BOB|bob>  ");

        Assert.Equal(new DeclareCommand(Severity.Sev2, "Checkout slow", Bob), command);
    }

    [Fact]
    public void Declare_reads_a_discord_mention_as_commander()
    {
        var command = Parse<DeclareCommand>("declare sev1 Gateway down commander <@80351110224678912>");

        Assert.Equal(new UserRef("80351110224678912", "80351110224678912"), command.Commander);
        Assert.Equal("Gateway down", command.Title);
    }

    [Fact]
    public void Commander_takes_one_mention()
    {
        Assert.Equal(new CommanderCommand(null, Bob), Parse<CommanderCommand>("commander <@U0BOB|bob>"));
        Assert.Equal(new CommanderCommand(new IncidentId(4), new UserRef("123", "123")), Parse<CommanderCommand>("commander INC-4 <@123>"));
    }

    [Theory]
    [InlineData("sev 1", null, Severity.Sev1)]
    [InlineData("sev INC-4 sev2", 4L, Severity.Sev2)]
    [InlineData("SEV inc-4 3", 4L, Severity.Sev3)]
    public void Sev_takes_the_new_severity(string input, long? id, Severity severity) =>
        Assert.Equal(new SeverityCommand(id is { } n ? new IncidentId(n) : null, severity), Parse<SeverityCommand>(input));

    [Theory]
    [InlineData("status identified", IncidentStatus.Identified, null)]
    [InlineData("status Monitoring rolled back the deploy", IncidentStatus.Monitoring, "rolled back the deploy")]
    [InlineData("status investigating", IncidentStatus.Investigating, null)]
    public void Status_takes_a_working_state_and_optional_text(string input, IncidentStatus status, string? text) =>
        Assert.Equal(new StatusCommand(null, status, text), Parse<StatusCommand>(input));

    [Fact]
    public void Status_resolved_is_a_resolve()
    {
        Assert.Equal(new ResolveCommand(new IncidentId(3), "fixed"), Parse<ResolveCommand>("status INC-3 resolved fixed"));
    }

    [Fact]
    public void Update_takes_the_id_right_after_the_verb_and_keeps_the_text_lines()
    {
        Assert.Equal(new UpdateCommand(new IncidentId(42), "rolled back"), Parse<UpdateCommand>("update INC-42 rolled back"));
        Assert.Equal(new UpdateCommand(null, "line one\nline two"), Parse<UpdateCommand>("update line one\r\nline two"));
    }

    [Fact]
    public void Impact_summary_and_note_take_free_text()
    {
        Assert.Equal(new ImpactCommand(null, "EU customers cannot pay"), Parse<ImpactCommand>("impact EU customers cannot pay"));
        Assert.Equal(new SummaryCommand(new IncidentId(2), "DB failover"), Parse<SummaryCommand>("summary INC-2 DB failover"));
        Assert.Equal(new NoteCommand(null, "paged the DBA"), Parse<NoteCommand>("note paged the DBA"));
    }

    [Fact]
    public void Action_reads_a_trailing_owner_and_due_date()
    {
        var command = Parse<ActionCommand>("action INC-9 Add a canary stage <@U0BOB|bob> due 2026-05-01");

        Assert.Equal(new ActionCommand(new IncidentId(9), "Add a canary stage", Bob, new DateOnly(2026, 5, 1)), command);
        Assert.Equal(new ActionCommand(null, "Rotate keys", null, null), Parse<ActionCommand>("action Rotate keys"));
        Assert.Equal(new ActionCommand(null, "Rotate keys", null, new DateOnly(2026, 5, 1)), Parse<ActionCommand>("action Rotate keys DUE 2026-05-01"));
    }

    [Fact]
    public void Verbs_without_arguments_take_only_an_optional_id()
    {
        Assert.Equal(new AckCommand(null), Parse<AckCommand>("ack"));
        Assert.Equal(new AckCommand(new IncidentId(5)), Parse<AckCommand>("ACK INC-5"));
        Assert.Equal(new CloseCommand(new IncidentId(5)), Parse<CloseCommand>("close INC-5"));
        Assert.Equal(new ReopenCommand(null), Parse<ReopenCommand>("reopen"));
        Assert.Equal(new TimelineCommand(new IncidentId(5)), Parse<TimelineCommand>("timeline INC-5"));
    }

    [Fact]
    public void Resolve_takes_optional_text()
    {
        Assert.Equal(new ResolveCommand(null, null), Parse<ResolveCommand>("resolve"));
        Assert.Equal(new ResolveCommand(new IncidentId(5), "rolled back"), Parse<ResolveCommand>("resolve INC-5 rolled back"));
    }

    [Fact]
    public void Postmortem_regenerates_or_records_done_with_an_optional_link()
    {
        Assert.Equal(new PostmortemCommand(null, false, null), Parse<PostmortemCommand>("postmortem"));
        Assert.Equal(new PostmortemCommand(new IncidentId(5), true, null), Parse<PostmortemCommand>("postmortem INC-5 done"));
        Assert.Equal(new PostmortemCommand(null, true, "https://wiki.example.com/pm/5"), Parse<PostmortemCommand>("postmortem DONE https://wiki.example.com/pm/5"));
    }

    [Fact]
    public void List_and_help()
    {
        Assert.IsType<ListCommand>(CommandParser.Parse("list").Command);
        Assert.Equal(new HelpCommand(null), Parse<HelpCommand>("help"));
        Assert.Equal(new HelpCommand("update"), Parse<HelpCommand>("help UPDATE"));
    }

    [Fact]
    public void Every_verb_in_the_usage_table_parses_in_its_simplest_form()
    {
        var simplest = new Dictionary<string, string>
        {
            ["declare"] = "declare sev1 x",
            ["commander"] = "commander <@U1>",
            ["sev"] = "sev 1",
            ["status"] = "status identified",
            ["update"] = "update x",
            ["impact"] = "impact x",
            ["summary"] = "summary x",
            ["note"] = "note x",
            ["action"] = "action x",
            ["pagerduty"] = "pagerduty PT4KHLK",
        };

        foreach (var (verb, _, _) in CommandUsage.All)
        {
            var result = CommandParser.Parse(simplest.GetValueOrDefault(verb, verb));
            Assert.True(result.Success, $"{verb}: {result.Error}");
        }
    }

    [Fact]
    public void Help_on_a_verb_shows_its_usage()
    {
        Assert.Equal("`update [INC-n] <text>` — post a status update (restarts the update clock).", CommandUsage.Help("update"));
        Assert.All(CommandUsage.All, u => Assert.Contains(u.Usage, CommandUsage.Help(null), StringComparison.Ordinal));
    }

    private static T Parse<T>(string input)
        where T : IncidentCommand
    {
        var result = CommandParser.Parse(input);
        Assert.True(result.Success, result.Error?.ToString());
        return Assert.IsType<T>(result.Command);
    }
}

using IncidentBot.Core.Commands;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Tests.Commands;

/// <summary>
/// Input is data (DESIGN.md §5): whatever people type, the parser either returns a command holding the text
/// verbatim or an error that names the problem and the right form. It never pings, truncates or throws.
/// </summary>
public sealed class HostileInputTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n ")]
    public void No_command_at_all_points_to_help(string? input)
    {
        var error = Fails(input);

        Assert.Equal("No command given.", error.Problem);
        Assert.Equal("help", error.Usage);
    }

    [Fact]
    public void Ten_kilobytes_are_refused_with_the_limit_and_the_verbs_usage()
    {
        var error = Fails("update " + new string('x', 10_240));

        Assert.Equal("That command is 10247 characters long; the limit is 4000.", error.Problem);
        Assert.Equal("update [INC-n] <text>", error.Usage);
    }

    [Fact]
    public void Text_over_its_limit_is_refused_not_truncated()
    {
        var error = Fails("note " + new string('n', IncidentLimits.TextMax + 1));

        Assert.Equal("The note is 3001 characters long; the limit is 3000.", error.Problem);
        Assert.Equal("note [INC-n] <text>", error.Usage);
        Assert.Equal(IncidentLimits.TextMax, Parse<NoteCommand>("note " + new string('n', IncidentLimits.TextMax)).Text.Length);
    }

    [Theory]
    [InlineData("update rolled\u0000back", "The update contains a control character (U+0000).")]
    [InlineData("note bell\u0007", "The note contains a control character (U+0007).")]
    [InlineData("declare sev1 Red \u001b[31malert", "The title contains a control character (U+001B).")]
    [InlineData("impact next\u0085line", "The impact contains a control character (U+0085).")]
    [InlineData("status identified oops\u0008", "The status text contains a control character (U+0008).")]
    public void Control_characters_are_refused_and_named(string input, string problem) =>
        Assert.StartsWith(problem, Fails(input).Problem, StringComparison.Ordinal);

    [Fact]
    public void A_control_character_in_the_verb_is_shown_not_silently_dropped()
    {
        var error = Fails("upd\u0000ate rolled back");

        Assert.StartsWith("Unknown command `upd\uFFFDate`.", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Tabs_and_newlines_in_free_text_are_kept()
    {
        Assert.Equal("a\tb\nc", Parse<UpdateCommand>("update a\tb\nc").Text);
    }

    [Fact]
    public void A_title_must_be_one_line()
    {
        var error = Fails("declare sev1 Line one\nLine two");

        Assert.Equal("The title must be one line.", error.Problem);
        Assert.Equal("declare <sev1|sev2|sev3> <title> [commander @user]", error.Usage);
    }

    [Theory]
    [InlineData("declare sev1 <!channel> checkout is down")]
    [InlineData("declare sev1 @everyone checkout is down")]
    [InlineData("declare sev1 <!here|here> <!subteam^S123|@oncall> ping")]
    [InlineData("declare sev1 <@&123456> role ping")]
    public void Broadcast_markup_in_a_title_stays_plain_text(string input)
    {
        var command = Parse<DeclareCommand>(input);

        Assert.Equal(input["declare sev1 ".Length..], command.Title);
        Assert.Null(command.Commander);
    }

    [Theory]
    [InlineData("commander <!channel>", "<!channel>")]
    [InlineData("commander @everyone", "@everyone")]
    [InlineData("commander <@&123456>", "<@&123456>")]
    [InlineData("commander bob", "bob")]
    [InlineData("commander <@U1> <@U2>", "<@U1>")]
    public void Only_a_linked_user_mention_can_be_made_commander(string input, string echoed)
    {
        var error = Fails(input);

        Assert.Equal($"`{echoed}` is not a mention: type @ and pick the person so the name is linked.", error.Problem);
        Assert.Equal("commander [INC-n] @user", error.Usage);
    }

    [Fact]
    public void An_unlinked_commander_name_in_declare_is_refused_rather_than_folded_into_the_title()
    {
        var error = Fails("declare sev1 Checkout down commander @alice");

        Assert.Equal("`@alice` is not a mention: type @ and pick the person so the name is linked.", error.Problem);
        Assert.Equal("declare <sev1|sev2|sev3> <title> [commander @user]", error.Usage);
    }

    [Theory]
    [InlineData("declare sev1 '; DROP TABLE incidents; --")]
    [InlineData("declare sev2 Robert'); DELETE FROM outbox WHERE ('1'='1")]
    [InlineData("declare sev3 \"quoted\" and `ticked` and \\backslash\\")]
    public void Sql_and_quote_characters_are_kept_verbatim(string input) =>
        Assert.Equal(input[13..], Parse<DeclareCommand>(input).Title);

    [Theory]
    [InlineData("🔥", 93)]
    [InlineData("支", 93)]
    [InlineData("é", 93)]
    [InlineData("a", 93)]
    [InlineData("👩🏽‍💻", 23)]
    public void A_title_of_93_characters_fits_counting_unicode_scalars_as_discord_does(string unit, int repeat)
    {
        var title = string.Concat(Enumerable.Repeat(unit, repeat));

        var command = Parse<DeclareCommand>($"declare sev1 {title}");

        Assert.Equal(title, command.Title);
        Assert.True(IncidentLimits.Length("[SEV1] " + title) <= 100);
    }

    [Theory]
    [InlineData("🔥", 94, 94)]
    [InlineData("支", 94, 94)]
    [InlineData("a", 94, 94)]
    [InlineData("👩🏽‍💻", 24, 96)]
    public void A_title_of_94_characters_is_refused_with_the_limit(string unit, int repeat, int length)
    {
        var error = Fails($"declare sev1 {string.Concat(Enumerable.Repeat(unit, repeat))}");

        Assert.Equal(
            $"The title is {length} characters long; the limit is 93. A title is 1–93 characters, so `[SEV1] title` fits a thread name.",
            error.Problem);
        Assert.Equal("declare <sev1|sev2|sev3> <title> [commander @user]", error.Usage);
    }

    [Theory]
    [InlineData("declare sev1", "The title is empty.")]
    [InlineData("declare sev1    ", "The title is empty.")]
    [InlineData("declare", "`declare` needs a severity and a title.")]
    [InlineData("declare sev1 commander <@U1>", "The title is empty.")]
    public void A_missing_title_is_refused(string input, string problem) =>
        Assert.StartsWith(problem, Fails(input).Problem, StringComparison.Ordinal);

    [Theory]
    [InlineData("declare sev4 Checkout down", "`sev4` is not a severity: use sev1, sev2 or sev3.", "declare <sev1|sev2|sev3> <title> [commander @user]")]
    [InlineData("declare critical Checkout down", "`critical` is not a severity: use sev1, sev2 or sev3.", "declare <sev1|sev2|sev3> <title> [commander @user]")]
    [InlineData("declare Checkout down", "`Checkout` is not a severity: use sev1, sev2 or sev3.", "declare <sev1|sev2|sev3> <title> [commander @user]")]
    [InlineData("sev 0", "`0` is not a severity: use 1, 2 or 3.", "sev [INC-n] <1|2|3>")]
    [InlineData("sev INC-3 high", "`high` is not a severity: use 1, 2 or 3.", "sev [INC-n] <1|2|3>")]
    [InlineData("sev 1 2", "`1` is not a severity: use 1, 2 or 3.", "sev [INC-n] <1|2|3>")]
    [InlineData("sev", "`sev` needs the new severity.", "sev [INC-n] <1|2|3>")]
    public void A_bad_severity_is_refused_with_the_accepted_values(string input, string problem, string usage)
    {
        var error = Fails(input);

        Assert.Equal(problem, error.Problem);
        Assert.Equal(usage, error.Usage);
    }

    [Theory]
    [InlineData("action Fix it due 2026-02-30", "2026-02-30")]
    [InlineData("action Fix it due tomorrow", "tomorrow")]
    [InlineData("action Fix it due 30/04/2026", "30/04/2026")]
    [InlineData("action Fix it <@U1> due 2026-5-1", "2026-5-1")]
    public void A_bad_due_date_is_refused_with_the_format(string input, string date)
    {
        var error = Fails(input);

        Assert.Equal($"`{date}` is not a date: write it as YYYY-MM-DD.", error.Problem);
        Assert.Equal("action [INC-n] <text> [@owner] [due YYYY-MM-DD]", error.Usage);
    }

    [Theory]
    [InlineData("update INC-abc rolled back", "INC-abc", "update [INC-n] <text>")]
    [InlineData("ack INC-", "INC-", "ack [INC-n]")]
    [InlineData("close INC-0", "INC-0", "close [INC-n]")]
    [InlineData("close INC-1234567890123", "INC-1234567890123", "close [INC-n]")]
    [InlineData("note INC-4x checked", "INC-4x", "note [INC-n] <text>")]
    [InlineData("resolve inc-🔥", "inc-🔥", "resolve [INC-n] [text]")]
    public void A_malformed_incident_id_is_refused_with_the_id_format(string input, string echoed, string usage)
    {
        var error = Fails(input);

        Assert.Equal($"`{echoed}` is not an incident id (they look like INC-42).", error.Problem);
        Assert.Equal(usage, error.Usage);
    }

    [Theory]
    [InlineData("escalate INC-3")]
    [InlineData("<!channel>")]
    [InlineData("DROP TABLE incidents;")]
    [InlineData("🔥🔥🔥")]
    public void An_unknown_verb_is_refused_with_the_list_of_commands(string input)
    {
        var error = Fails(input);

        Assert.StartsWith("Unknown command `", error.Problem, StringComparison.Ordinal);
        Assert.EndsWith(
            "The commands are: declare, commander, sev, status, update, impact, summary, note, action, ack, resolve, close, reopen, timeline, postmortem, pagerduty, list, help.",
            error.Problem,
            StringComparison.Ordinal);
        Assert.Equal("help [command]", error.Usage);
    }

    [Fact]
    public void A_long_unknown_verb_is_echoed_shortened_and_without_backticks()
    {
        var error = Fails(new string('`', 5) + new string('v', 100));

        Assert.StartsWith($"Unknown command `{new string('v', 40)}…`.", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("update", "The update is empty.", "update [INC-n] <text>")]
    [InlineData("update INC-3", "The update is empty.", "update [INC-n] <text>")]
    [InlineData("impact   ", "The impact is empty.", "impact [INC-n] <text>")]
    [InlineData("summary", "The summary is empty.", "summary [INC-n] <text>")]
    [InlineData("note INC-3", "The note is empty.", "note [INC-n] <text>")]
    [InlineData("action", "The action is empty.", "action [INC-n] <text> [@owner] [due YYYY-MM-DD]")]
    [InlineData("action <@U1> due 2026-05-01", "The action is empty.", "action [INC-n] <text> [@owner] [due YYYY-MM-DD]")]
    [InlineData("commander", "`commander` needs the person to hand command to.", "commander [INC-n] @user")]
    [InlineData("status", "`status` needs the new status.", "status [INC-n] <investigating|identified|monitoring> [text]")]
    public void A_missing_argument_is_named(string input, string problem, string usage)
    {
        var error = Fails(input);

        Assert.Equal(problem, error.Problem);
        Assert.Equal(usage, error.Usage);
    }

    [Theory]
    [InlineData("ack now", "`now`", "ack [INC-n]")]
    [InlineData("close INC-3 please", "`please`", "close [INC-n]")]
    [InlineData("reopen it", "`it`", "reopen [INC-n]")]
    [InlineData("timeline all", "`all`", "timeline [INC-n]")]
    public void An_unexpected_argument_is_named(string input, string token, string usage)
    {
        var error = Fails(input);

        Assert.Equal($"Unexpected {token}.", error.Problem);
        Assert.Equal(usage, error.Usage);
    }

    [Theory]
    [InlineData("status fixed", "`fixed` is not a status: use investigating, identified or monitoring.", "status [INC-n] <investigating|identified|monitoring> [text]")]
    [InlineData("status closed", "Closing writes the postmortem draft: use `close`.", "close [INC-n]")]
    [InlineData("postmortem finished", "`postmortem` takes `done` and a link, not `finished`.", "postmortem [INC-n] [done <link>]")]
    [InlineData("postmortem done not a url", "The postmortem link must be one http(s) URL.", "postmortem [INC-n] [done <link>]")]
    [InlineData("postmortem done javascript:alert(1)", "The postmortem link must be one http(s) URL.", "postmortem [INC-n] [done <link>]")]
    [InlineData("postmortem done file:///etc/passwd", "The postmortem link must be one http(s) URL.", "postmortem [INC-n] [done <link>]")]
    public void A_bad_keyword_is_refused_with_the_right_form(string input, string problem, string usage)
    {
        var error = Fails(input);

        Assert.Equal(problem, error.Problem);
        Assert.Equal(usage, error.Usage);
    }

    [Fact]
    public void The_error_reads_as_problem_then_usage()
    {
        Assert.Equal("The update is empty. Usage: `update [INC-n] <text>`", Fails("update").ToString());
    }

    [Fact]
    public void Random_garbage_never_throws()
    {
        var random = new Random(20260420);
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, 120)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = (char)random.Next(0, 0xD7FF);
            }

            var verb = CommandUsage.All[random.Next(CommandUsage.All.Count)].Verb;
            var result = CommandParser.Parse($"{verb} {new string(chars)}");

            Assert.True(result.Success || result.Error.Problem.Length > 0);
        }
    }

    private static CommandError Fails(string? input)
    {
        var result = CommandParser.Parse(input);
        Assert.False(result.Success, $"expected a refusal, got {result.Command}");
        return result.Error;
    }

    private static T Parse<T>(string input)
        where T : IncidentCommand
    {
        var result = CommandParser.Parse(input);
        Assert.True(result.Success, result.Error?.ToString());
        return Assert.IsType<T>(result.Command);
    }
}

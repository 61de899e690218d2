using IncidentBot.Core.Incidents;
using IncidentBot.Core.Postmortems;

namespace IncidentBot.Core.Tests.Postmortems;

public sealed class ThreadNotesTests
{
    private static DateTimeOffset At { get; } = new(2026, 4, 18, 12, 0, 0, TimeSpan.Zero);
    private static MentionText Mentions { get; } = new(new Dictionary<string, string> { ["U03BOB"] = "bob", ["222"] = "lee" });

    [Fact]
    public void Prefixed_messages_fill_their_sections_and_others_do_not()
    {
        var notes = ThreadNotes.From(
            [Message("ROOT CAUSE: cache TTL"), Message("  went well:  fast page"), Message("Went Poorly: no canary"), Message("the root cause: not a prefix"), Message("went well:   ")],
            Mentions);

        Assert.Equal(["cache TTL"], notes.RootCauses);
        Assert.Equal(["fast page"], notes.WentWell);
        Assert.Equal(["no canary"], notes.WentPoorly);
    }

    [Fact]
    public void An_action_message_names_its_owner_and_due_date()
    {
        var notes = ThreadNotes.From([Message("action: add a canary <@U03BOB> due 2026-04-25")], Mentions);

        Assert.Equal([new DraftAction("add a canary", "bob", new DateOnly(2026, 4, 25), false, At)], notes.Actions);
    }

    [Theory]
    [InlineData("fix it @dana", "fix it", "dana", null)]
    [InlineData("fix it <@U09X|erin> due 2026-05-01", "fix it", "erin", "2026-05-01")]
    [InlineData("fix it due 2026-13-45", "fix it due 2026-13-45", null, null)]
    [InlineData("email ops@example.com", "email ops@example.com", null, null)]
    public void Action_lines_are_read_leniently(string raw, string text, string? owner, string? due)
    {
        var action = ThreadNotes.ParseAction(raw, At, Mentions);

        Assert.Equal(new DraftAction(text, owner, due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), false, At), action);
    }

    [Fact]
    public void A_mention_owner_without_a_name_is_resolved_by_id()
    {
        var action = ThreadNotes.ParseAction("rotate the key <@222>", At, Mentions);

        Assert.Equal("lee", action!.Owner);
    }

    private static TimelineEntry Message(string text) => new()
    {
        IncidentId = new IncidentId(1),
        At = At,
        Kind = TimelineKind.Message,
        Author = new UserRef("U1", "ann"),
        Text = text,
    };
}

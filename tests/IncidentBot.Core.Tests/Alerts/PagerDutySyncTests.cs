using IncidentBot.Core.Alerts;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Tests.Alerts;

public sealed class PagerDutySyncTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserRef Ann = new("U1", "ann");
    private static readonly PagerDutyLink Link = new(new IncidentId(3), "PT4KHLK", null, T0);

    private static Incident Open => new()
    {
        Id = new IncidentId(3),
        Workspace = new WorkspaceId(Platform.Slack, "T1"),
        ChannelId = "C1",
        Title = "Checkout down",
        Severity = Severity.Sev1,
        Commander = Ann,
        DeclaredBy = Ann,
        DeclaredAt = T0,
    };

    [Fact]
    public void The_first_acknowledgement_acknowledges_in_PagerDuty_and_a_later_one_does_not()
    {
        var acked = Open with { AcknowledgedAt = T0.AddMinutes(2), AcknowledgedBy = Ann };

        Assert.Equal([new SyncPagerDuty("PT4KHLK", PagerDutyAction.Acknowledge, null)], PagerDutySync.Changes(Open, acked, Link));
        Assert.Empty(PagerDutySync.Changes(acked, acked.WithResponder(new UserRef("U2", "bo")), Link));
    }

    [Fact]
    public void Resolving_or_closing_resolves_and_an_update_becomes_a_marked_note()
    {
        var resolved = Open with { Status = IncidentStatus.Resolved, ResolvedAt = T0.AddMinutes(30), LastUpdateAt = T0.AddMinutes(30), LastUpdateText = "rolled back" };

        var changes = PagerDutySync.Changes(Open, resolved, Link).ToList();

        Assert.Equal(
            [
                new SyncPagerDuty("PT4KHLK", PagerDutyAction.Note, "[IncidentBot] INC-3 update (Resolved): rolled back"),
                new SyncPagerDuty("PT4KHLK", PagerDutyAction.Resolve, null),
            ],
            changes);
        Assert.Empty(PagerDutySync.Changes(resolved, resolved with { Status = IncidentStatus.Closed }, Link));
    }

    [Theory]
    [InlineData("pagerduty PT4KHLK", "PT4KHLK", null, null)]
    [InlineData("pagerduty INC-4 https://acme.pagerduty.com/incidents/Q3B15VLMF3ASBD", "Q3B15VLMF3ASBD", "https://acme.pagerduty.com/incidents/Q3B15VLMF3ASBD", 4L)]
    public void The_pagerduty_verb_takes_an_id_or_a_url(string text, string id, string? url, long? target)
    {
        var parsed = CommandParser.Parse(text);

        var command = Assert.IsType<PagerDutyCommand>(parsed.Command);
        Assert.Equal((id, url), (command.PagerDutyId, command.Url));
        Assert.Equal(target, command.Target?.Number);
    }

    [Theory]
    [InlineData("pagerduty", "needs the PagerDuty incident's id or URL")]
    [InlineData("pagerduty https://evil.example.org/incidents/PT4KHLK", "not a PagerDuty incident")]
    [InlineData("pagerduty lowercase", "not a PagerDuty incident")]
    public void A_bad_reference_is_refused_with_the_right_form(string text, string problem)
    {
        var parsed = CommandParser.Parse(text);

        Assert.False(parsed.Success);
        Assert.Contains(problem, parsed.Error.ToString(), StringComparison.Ordinal);
        Assert.Contains("pagerduty [INC-n] <PagerDuty incident id or URL>", parsed.Error.ToString(), StringComparison.Ordinal);
    }
}

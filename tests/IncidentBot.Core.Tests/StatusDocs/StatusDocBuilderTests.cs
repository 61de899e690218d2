using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Policies;
using IncidentBot.Core.StatusDocs;

namespace IncidentBot.Core.Tests.StatusDocs;

/// <summary>The living status doc of DESIGN.md §2, built from stored state.</summary>
public sealed class StatusDocBuilderTests
{
    private static DateTimeOffset Declared { get; } = new(2026, 4, 18, 14, 23, 0, TimeSpan.Zero);

    private static UserRef Alice { get; } = new("U0ALICE", "alice");

    private static UserRef Bob { get; } = new("U0BOB", "bob");

    [Fact]
    public void The_doc_shows_the_last_ten_entries_newest_first()
    {
        var timeline = Enumerable.Range(1, 14).Select(i => Entry(i, Declared + TimeSpan.FromMinutes(i), $"message {i}")).ToList();

        var doc = StatusDocBuilder.Build(NewIncident(), timeline, IncidentPolicy.Default);

        Assert.Equal(Enumerable.Range(5, 10).Reverse().Select(i => $"message {i}"), doc.Recent.Select(e => e.Text));
        Assert.Equal(Declared + TimeSpan.FromMinutes(14), doc.Recent[0].At);
        Assert.Equal("bob", doc.Recent[0].Author);
    }

    [Fact]
    public void Deleted_entries_and_reminders_are_left_out()
    {
        var timeline = new List<TimelineEntry>
        {
            Entry(1, Declared, "kept"),
            Entry(2, Declared + TimeSpan.FromMinutes(1), "secret") with { Deleted = true },
            Entry(3, Declared + TimeSpan.FromMinutes(5), "Reminder: not acknowledged after 5 min") with { Kind = TimelineKind.Reminder, Author = null },
        };

        var doc = StatusDocBuilder.Build(NewIncident(), timeline, IncidentPolicy.Default);

        Assert.Equal(["kept"], doc.Recent.Select(e => e.Text));
    }

    [Fact]
    public void Entries_at_the_same_moment_keep_their_recorded_order_newest_first()
    {
        var timeline = new List<TimelineEntry> { Entry(1, Declared, "first"), Entry(2, Declared, "second") };

        var doc = StatusDocBuilder.Build(NewIncident(), timeline, IncidentPolicy.Default);

        Assert.Equal(["second", "first"], doc.Recent.Select(e => e.Text));
    }

    [Fact]
    public void Long_and_multi_line_entries_are_shortened_with_an_ellipsis_and_key_events_are_flagged()
    {
        var timeline = new List<TimelineEntry>
        {
            Entry(1, Declared, new string('x', 250)),
            Entry(2, Declared + TimeSpan.FromMinutes(1), "first line\nsecond line") with { Key = true },
            Entry(3, Declared + TimeSpan.FromMinutes(2), string.Concat(Enumerable.Repeat("🔥", 200))),
        };

        var doc = StatusDocBuilder.Build(NewIncident(), timeline, IncidentPolicy.Default);

        Assert.Equal(string.Concat(Enumerable.Repeat("🔥", 200)), doc.Recent[0].Text);
        Assert.Equal(("first line…", true), (doc.Recent[1].Text, doc.Recent[1].Key));
        Assert.Equal(new string('x', 199) + "…", doc.Recent[2].Text);
    }

    [Fact]
    public void The_doc_carries_the_runbook_fields_and_the_clocks()
    {
        var incident = NewIncident() with
        {
            Summary = "Payments API returns 500s",
            Impact = "EU checkout fails",
            LastUpdateAt = Declared + TimeSpan.FromMinutes(10),
            LastUpdateText = "rolled back",
            AcknowledgedAt = Declared + TimeSpan.FromMinutes(3),
            AcknowledgedBy = Bob,
        };

        var doc = StatusDocBuilder.Build(incident, [], IncidentPolicy.Default);

        Assert.Equal(
            (new IncidentId(42), "[SEV2] Pipeline blocks spiking", Severity.Sev2, IncidentStatus.Investigating, Declared),
            (doc.Id, doc.Label, doc.Severity, doc.Status, doc.DeclaredAt));
        Assert.Equal(("Payments API returns 500s", "EU checkout fails", "rolled back"), (doc.WhatsHappening, doc.Impact, doc.CurrentStatusText));
        Assert.Equal((Alice, Bob, TimeSpan.FromMinutes(3)), (doc.Commander, doc.AcknowledgedBy, doc.TimeToAcknowledge));
        Assert.Equal(Declared + TimeSpan.FromMinutes(40), doc.NextUpdateDue);
        Assert.Null(doc.AckDue);
    }

    [Fact]
    public void An_unacknowledged_doc_shows_when_the_ack_is_due()
    {
        var doc = StatusDocBuilder.Build(NewIncident(), [], IncidentPolicy.Default);

        Assert.Equal(Declared + TimeSpan.FromMinutes(15), doc.AckDue);
        Assert.Null(doc.AcknowledgedBy);
        Assert.Null(doc.TimeToAcknowledge);
    }

    [Fact]
    public void A_resolved_doc_has_no_clocks()
    {
        var doc = StatusDocBuilder.Build(NewIncident() with { Status = IncidentStatus.Resolved, ResolvedAt = Declared }, [], IncidentPolicy.Default);

        Assert.Null(doc.NextUpdateDue);
        Assert.Null(doc.AckDue);
    }

    [Theory]
    [InlineData(IncidentStatus.Investigating, false, new[] { ButtonAction.Acknowledge, ButtonAction.TakeCommand, ButtonAction.PostUpdate, ButtonAction.Resolve })]
    [InlineData(IncidentStatus.Identified, true, new[] { ButtonAction.TakeCommand, ButtonAction.PostUpdate, ButtonAction.Resolve })]
    [InlineData(IncidentStatus.Monitoring, true, new[] { ButtonAction.TakeCommand, ButtonAction.PostUpdate, ButtonAction.Resolve })]
    [InlineData(IncidentStatus.Resolved, false, new[] { ButtonAction.TakeCommand, ButtonAction.Close })]
    [InlineData(IncidentStatus.Closed, true, new ButtonAction[0])]
    public void The_buttons_follow_the_status(IncidentStatus status, bool acknowledged, ButtonAction[] buttons)
    {
        var incident = NewIncident() with
        {
            Status = status,
            AcknowledgedAt = acknowledged ? Declared : null,
            AcknowledgedBy = acknowledged ? Bob : null,
        };

        var doc = StatusDocBuilder.Build(incident, [], IncidentPolicy.Default);

        Assert.Equal(buttons, doc.Buttons);
    }

    private static Incident NewIncident() => new()
    {
        Id = new IncidentId(42),
        Workspace = new WorkspaceId(Platform.Slack, "T1"),
        ChannelId = "C1",
        Title = "Pipeline blocks spiking",
        Severity = Severity.Sev2,
        Commander = Alice,
        DeclaredBy = Alice,
        DeclaredAt = Declared,
    };

    private static TimelineEntry Entry(long id, DateTimeOffset at, string text) => new()
    {
        Id = id,
        IncidentId = new IncidentId(42),
        At = at,
        Kind = TimelineKind.Message,
        Author = Bob,
        Text = text,
        SourceMessageId = $"m{id}",
    };
}

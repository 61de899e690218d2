using IncidentBot.Core.Incidents;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Reminders;
using IncidentBot.Core.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Core.Tests.Reminders;

/// <summary>The clocks of DESIGN.md §2 "Updates and reminders", as a pure function of stored state and now.</summary>
public sealed class ReminderPlannerTests
{
    private static DateTimeOffset Declared { get; } = new(2026, 4, 21, 14, 0, 0, TimeSpan.Zero);

    private static UserRef Alice { get; } = new("U0ALICE", "alice");

    private static TimeSpan Min(double minutes) => TimeSpan.FromMinutes(minutes);

    [Fact]
    public void Sev1_unacknowledged_is_due_at_exactly_five_minutes_and_not_a_tick_before()
    {
        var incident = NewIncident(Severity.Sev1);

        Assert.Equal(Declared + Min(5), Clock(incident, ReminderKind.Acknowledge));
        Assert.DoesNotContain(ReminderPlanner.DueAt(incident, IncidentPolicy.Default, Declared + Min(5) - TimeSpan.FromTicks(1)), c => c.Kind == ReminderKind.Acknowledge);
        Assert.Contains(ReminderPlanner.DueAt(incident, IncidentPolicy.Default, Declared + Min(5)), c => c.Kind == ReminderKind.Acknowledge);
    }

    [Fact]
    public void Sev1_ack_reminder_repeats_every_five_minutes_until_acknowledged_then_stops()
    {
        var loop = Loop(NewIncident(Severity.Sev1));

        loop.RunUntil(Min(12));
        loop.Incident = loop.Incident with { AcknowledgedAt = loop.Now, AcknowledgedBy = Alice };
        loop.RunUntil(Min(60));

        Assert.Equal([Min(5), Min(10)], loop.FiredAt(ReminderKind.Acknowledge));
        Assert.Null(Clock(loop.Incident, ReminderKind.Acknowledge));
    }

    [Fact]
    public void Updates_at_ten_and_twenty_minutes_move_the_update_due_to_25_then_35_and_never_15()
    {
        var loop = Loop(Acknowledged(NewIncident(Severity.Sev1)));

        Assert.Equal(Declared + Min(15), ReminderPlanner.NextUpdateDue(loop.Incident, IncidentPolicy.Default));
        loop.RunUntil(Min(10));
        loop.Incident = loop.Incident with { LastUpdateAt = loop.Now };
        Assert.Equal(Declared + Min(25), ReminderPlanner.NextUpdateDue(loop.Incident, IncidentPolicy.Default));
        loop.RunUntil(Min(20));
        loop.Incident = loop.Incident with { LastUpdateAt = loop.Now };
        Assert.Equal(Declared + Min(35), ReminderPlanner.NextUpdateDue(loop.Incident, IncidentPolicy.Default));
        loop.RunUntil(Min(52));

        Assert.Equal([Min(35), Min(50)], loop.FiredAt(ReminderKind.Update));
    }

    [Fact]
    public void An_overdue_update_reminder_repeats_every_interval()
    {
        var loop = Loop(Acknowledged(NewIncident(Severity.Sev2)));

        loop.RunUntil(Min(100));

        Assert.Equal([Min(30), Min(60), Min(90)], loop.FiredAt(ReminderKind.Update));
    }

    [Fact]
    public void Sev2_raised_to_sev1_at_minute_twenty_makes_the_update_due_at_once()
    {
        var loop = Loop(Acknowledged(NewIncident(Severity.Sev2)));
        loop.RunUntil(Min(20));
        Assert.Empty(ReminderPlanner.DueAt(loop.Incident, IncidentPolicy.Default, loop.Now));

        loop.Incident = loop.Incident with { Severity = Severity.Sev1 };

        Assert.Equal([ReminderKind.Update], ReminderPlanner.DueAt(loop.Incident, IncidentPolicy.Default, loop.Now).Select(c => c.Kind));
        loop.RunUntil(Min(40));
        Assert.Equal([Min(20), Min(35)], loop.FiredAt(ReminderKind.Update));
    }

    [Fact]
    public void Sev1_lowered_to_sev3_drops_the_update_cadence_and_waits_for_the_next_business_morning()
    {
        var incident = NewIncident(Severity.Sev1) with { Severity = Severity.Sev3 };

        Assert.Null(Clock(incident, ReminderKind.Update));
        Assert.Equal(new DateTimeOffset(2026, 4, 22, 9, 0, 0, TimeSpan.Zero), Clock(incident, ReminderKind.Acknowledge));
    }

    [Theory]
    [InlineData(IncidentStatus.Resolved)]
    [InlineData(IncidentStatus.Closed)]
    public void Resolved_and_closed_incidents_have_no_ack_or_update_clock_whatever_their_stamps(IncidentStatus status)
    {
        var incident = NewIncident(Severity.Sev1) with { Status = status, ResolvedAt = null, LastAckReminderAt = Declared - Min(60) };

        var clocks = ReminderPlanner.Clocks(incident, IncidentPolicy.Default);

        Assert.DoesNotContain(clocks, c => c.Kind is ReminderKind.Acknowledge or ReminderKind.Update);
        Assert.Null(ReminderPlanner.NextUpdateDue(incident, IncidentPolicy.Default));
    }

    [Fact]
    public void Resolve_stops_ack_and_update_clocks_and_starts_the_monitoring_window_once()
    {
        var loop = Loop(NewIncident(Severity.Sev1));
        loop.RunUntil(Min(7));

        loop.Incident = loop.Incident with { Status = IncidentStatus.Resolved, ResolvedAt = loop.Now };
        loop.RunUntil(TimeSpan.FromHours(5));

        Assert.Equal([(ReminderKind.Acknowledge, Min(5)), (ReminderKind.MonitoringWindow, Min(37))], loop.Fired);
        Assert.Empty(ReminderPlanner.Clocks(loop.Incident, IncidentPolicy.Default));
    }

    [Fact]
    public void Reopen_cancels_a_pending_monitoring_window()
    {
        var loop = Loop(Acknowledged(NewIncident(Severity.Sev1)));
        loop.RunUntil(Min(10));
        loop.Incident = loop.Incident with { Status = IncidentStatus.Resolved, ResolvedAt = loop.Now };
        loop.RunUntil(Min(20));

        loop.Incident = loop.Incident with { Status = IncidentStatus.Investigating, ResolvedAt = null, ReopenedAt = loop.Now };
        loop.RunUntil(Min(50));

        Assert.Empty(loop.FiredAt(ReminderKind.MonitoringWindow));
        Assert.Equal([Min(35), Min(50)], loop.FiredAt(ReminderKind.Update));
    }

    [Theory]
    [InlineData(Severity.Sev1)]
    [InlineData(Severity.Sev2)]
    public void Closed_without_postmortem_done_reminds_at_24_and_48_hours_after_resolve(Severity severity)
    {
        var resolved = Declared + Min(40);
        var loop = Loop(Closed(NewIncident(severity), resolved, resolved + Min(45)));

        loop.RunUntil(TimeSpan.FromDays(10));

        Assert.Equal([Min(40) + TimeSpan.FromHours(24), Min(40) + TimeSpan.FromHours(48)], loop.FiredAt(ReminderKind.Postmortem));
    }

    [Fact]
    public void Sev3_gets_no_postmortem_reminders()
    {
        var incident = Closed(NewIncident(Severity.Sev3), Declared + Min(40), Declared + Min(80));

        Assert.Empty(ReminderPlanner.Clocks(incident, IncidentPolicy.Default));
    }

    [Fact]
    public void Postmortem_done_stops_its_reminders()
    {
        var resolved = Declared + Min(40);
        var loop = Loop(Closed(NewIncident(Severity.Sev1), resolved, resolved + Min(5)));
        loop.RunUntil(TimeSpan.FromHours(30));

        loop.Incident = loop.Incident with { PostmortemDoneAt = loop.Now };
        loop.RunUntil(TimeSpan.FromDays(10));

        Assert.Equal([Min(40) + TimeSpan.FromHours(24)], loop.FiredAt(ReminderKind.Postmortem));
    }

    [Fact]
    public void A_resolved_but_not_closed_incident_gets_no_postmortem_reminder()
    {
        var incident = Acknowledged(NewIncident(Severity.Sev1)) with
        {
            Status = IncidentStatus.Resolved,
            ResolvedAt = Declared,
            MonitoringReminderSent = true,
        };

        Assert.Empty(ReminderPlanner.DueAt(incident, IncidentPolicy.Default, Declared + TimeSpan.FromDays(5)));
    }

    [Fact]
    public void After_an_hour_of_downtime_each_overdue_clock_fires_once_then_keeps_its_cadence()
    {
        var loop = Loop(NewIncident(Severity.Sev1));

        loop.Down(Min(60));
        loop.Tick();
        loop.Tick();

        Assert.Equal([(ReminderKind.Acknowledge, Min(60)), (ReminderKind.Update, Min(60))], loop.Fired);
        loop.RunUntil(Min(76));
        Assert.Equal([Min(60), Min(65), Min(70), Min(75)], loop.FiredAt(ReminderKind.Acknowledge));
        Assert.Equal([Min(60), Min(75)], loop.FiredAt(ReminderKind.Update));
    }

    [Fact]
    public void After_downtime_past_both_postmortem_nudges_exactly_one_catch_up_is_sent()
    {
        var resolved = Declared + Min(40);
        var loop = Loop(Closed(NewIncident(Severity.Sev2), resolved, resolved + Min(10)));
        loop.RunUntil(Min(60));

        loop.Down(TimeSpan.FromDays(3));
        loop.Tick();
        loop.RunUntil(TimeSpan.FromDays(10));

        Assert.Single(loop.FiredAt(ReminderKind.Postmortem));
    }

    [Fact]
    public void A_resolved_incident_after_downtime_sends_one_monitoring_reminder()
    {
        var loop = Loop(Acknowledged(NewIncident(Severity.Sev1)) with { Status = IncidentStatus.Resolved, ResolvedAt = Declared });

        loop.Down(TimeSpan.FromHours(3));
        loop.Tick();
        loop.Tick();

        Assert.Equal([(ReminderKind.MonitoringWindow, TimeSpan.FromHours(3))], loop.Fired);
    }

    [Fact]
    public void Durations_in_seconds_work()
    {
        var policy = IncidentPolicy.Default with
        {
            Sev1 = new SeverityPolicy(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60)),
            MonitoringWindow = TimeSpan.FromSeconds(5),
            PostmortemFirstReminder = TimeSpan.FromSeconds(30),
        };
        var loop = new PlannerLoop(NewIncident(Severity.Sev1), policy, new FakeTimeProvider(Declared));

        loop.RunUntil(TimeSpan.FromSeconds(13));
        loop.Incident = loop.Incident with { Status = IncidentStatus.Resolved, ResolvedAt = loop.Now };
        loop.RunUntil(TimeSpan.FromSeconds(20));
        loop.Incident = loop.Incident with { Status = IncidentStatus.Closed, ClosedAt = loop.Now };
        loop.RunUntil(TimeSpan.FromSeconds(200));

        Assert.Equal(
            [
                (ReminderKind.Acknowledge, TimeSpan.FromSeconds(4)),
                (ReminderKind.Acknowledge, TimeSpan.FromSeconds(8)),
                (ReminderKind.Update, TimeSpan.FromSeconds(10)),
                (ReminderKind.Acknowledge, TimeSpan.FromSeconds(12)),
                (ReminderKind.MonitoringWindow, TimeSpan.FromSeconds(18)),
                (ReminderKind.Postmortem, TimeSpan.FromSeconds(43)),
                (ReminderKind.Postmortem, TimeSpan.FromSeconds(73)),
            ],
            loop.Fired);
    }

    [Fact]
    public void The_postmortem_first_nudge_never_comes_after_its_due_time()
    {
        var policy = IncidentPolicy.Default with { Sev2 = new SeverityPolicy(Min(15), Min(30), TimeSpan.FromHours(12)) };
        var incident = Closed(NewIncident(Severity.Sev2), Declared, Declared + Min(30));
        var loop = new PlannerLoop(incident, policy, new FakeTimeProvider(Declared + Min(30)));

        loop.RunUntil(TimeSpan.FromDays(3));

        Assert.Equal([TimeSpan.FromHours(12)], loop.FiredAt(ReminderKind.Postmortem));
    }

    [Fact]
    public void Next_due_is_the_earliest_clock()
    {
        var incident = NewIncident(Severity.Sev2) with { LastAckReminderAt = Declared + Min(15) };

        Assert.Equal(Declared + Min(30), ReminderPlanner.NextDue(incident, IncidentPolicy.Default));
        Assert.Equal(2, ReminderPlanner.Clocks(incident, IncidentPolicy.Default).Count);
        Assert.Null(ReminderPlanner.NextDue(incident with { Status = IncidentStatus.Closed }, IncidentPolicy.Default));
    }

    [Fact]
    public void A_reopened_incident_counts_its_update_clock_from_the_reopen()
    {
        var incident = Acknowledged(NewIncident(Severity.Sev1)) with { LastUpdateAt = Declared + Min(10), ReopenedAt = Declared + TimeSpan.FromHours(3) };

        Assert.Equal(Declared + TimeSpan.FromHours(3) + Min(15), ReminderPlanner.NextUpdateDue(incident, IncidentPolicy.Default));
    }

    private static DateTimeOffset? Clock(Incident incident, ReminderKind kind) =>
        ReminderPlanner.Clocks(incident, IncidentPolicy.Default).FirstOrDefault(c => c.Kind == kind)?.DueAt;

    private static PlannerLoop Loop(Incident incident) =>
        new(incident, IncidentPolicy.Default, new FakeTimeProvider(Declared));

    private static Incident Acknowledged(Incident incident) =>
        incident with { AcknowledgedAt = incident.DeclaredAt + TimeSpan.FromMinutes(1), AcknowledgedBy = Alice };

    private static Incident Closed(Incident incident, DateTimeOffset resolved, DateTimeOffset closed) =>
        Acknowledged(incident) with
        {
            Status = IncidentStatus.Closed,
            ResolvedAt = resolved,
            ClosedAt = closed,
            MonitoringReminderSent = true,
        };

    private static Incident NewIncident(Severity severity) => new()
    {
        Id = new IncidentId(1),
        Workspace = new WorkspaceId(Platform.Slack, "T1"),
        ChannelId = "C1",
        Title = "Checkout is down",
        Severity = severity,
        Commander = Alice,
        DeclaredBy = Alice,
        DeclaredAt = Declared,
    };
}

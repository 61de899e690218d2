using IncidentBot.Core.Incidents;
using IncidentBot.Core.Postmortems;
using IncidentBot.Core.Reminders;

namespace IncidentBot.Core.Tests.Postmortems;

public sealed class ResponseMetricsTests
{
    private static UserRef Ann { get; } = new("U1", "ann");

    [Fact]
    public void A_late_update_after_a_reminder_is_one_missed_interval_and_one_on_time()
    {
        var metrics = Compute(PostmortemScenarios.Sev2PipelineBlocks());

        Assert.Equal(6, metrics.UpdatesDue);
        Assert.Equal(5, metrics.UpdatesOnTime);
        Assert.Equal(5, metrics.UpdatesPosted);
        Assert.True(metrics.HadCadence);
    }

    [Fact]
    public void Without_updates_every_cadence_interval_until_resolve_is_missed()
    {
        var metrics = Compute(PostmortemScenarios.Sev1WithoutUpdates());

        Assert.Equal(3, metrics.UpdatesDue);
        Assert.Equal(0, metrics.UpdatesOnTime);
        Assert.Equal(0, metrics.UpdatesPosted);
    }

    [Fact]
    public void An_update_exactly_at_the_deadline_is_on_time()
    {
        var s = Declared(Severity.Sev1, "10:00");
        s.Update("10:15", Ann, "still digging");
        s.Status("10:20", Ann, IncidentStatus.Investigating, IncidentStatus.Resolved);

        var metrics = Compute(s, Severity.Sev1);

        Assert.Equal(1, metrics.UpdatesDue);
        Assert.Equal(1, metrics.UpdatesOnTime);
    }

    [Fact]
    public void A_status_change_with_text_is_an_update_and_one_without_is_not()
    {
        var s = Declared(Severity.Sev1, "10:00");
        s.Status("10:05", Ann, IncidentStatus.Investigating, IncidentStatus.Identified);
        s.Status("10:10", Ann, IncidentStatus.Identified, IncidentStatus.Monitoring, "fix deployed");
        s.Status("10:20", Ann, IncidentStatus.Monitoring, IncidentStatus.Resolved);

        var metrics = Compute(s, Severity.Sev1);

        Assert.Equal(1, metrics.UpdatesPosted);
        Assert.Equal(new Silence(s.At("10:00"), s.At("10:10"), TimeSpan.FromMinutes(15)), metrics.LongestSilence);
    }

    [Fact]
    public void A_severity_change_applies_the_new_cadence_at_once()
    {
        var escalated = Declared(Severity.Sev2, "10:00");
        escalated.Add("10:05", TimelineKind.SeverityChanged, Ann, "Severity SEV2 → SEV1", "SEV1");
        escalated.Status("10:40", Ann, IncidentStatus.Investigating, IncidentStatus.Resolved);
        var steady = Declared(Severity.Sev2, "10:00");
        steady.Status("10:40", Ann, IncidentStatus.Investigating, IncidentStatus.Resolved);

        Assert.Equal(2, Compute(escalated, Severity.Sev1).UpdatesDue);
        Assert.Equal(1, Compute(steady, Severity.Sev2).UpdatesDue);
    }

    [Fact]
    public void Time_while_resolved_is_neither_due_nor_silent_and_a_reopen_restarts_the_clock()
    {
        var s = Declared(Severity.Sev1, "10:00");
        s.Update("10:10", Ann, "rolling back");
        s.Status("10:20", Ann, IncidentStatus.Investigating, IncidentStatus.Resolved);
        s.Add("11:00", TimelineKind.StatusChanged, Ann, "Reopened: Resolved → Investigating", "Investigating");
        s.Update("11:12", Ann, "errors are back");
        s.Status("11:20", Ann, IncidentStatus.Investigating, IncidentStatus.Resolved);

        var metrics = Compute(s, Severity.Sev1);

        Assert.Equal(2, metrics.UpdatesDue);
        Assert.Equal(2, metrics.UpdatesOnTime);
        Assert.Equal(new Silence(s.At("11:00"), s.At("11:12"), TimeSpan.FromMinutes(15)), metrics.LongestSilence);
    }

    [Fact]
    public void The_longest_silence_runs_between_updates_and_reminders_do_not_break_it()
    {
        var metrics = Compute(PostmortemScenarios.Sev2PipelineBlocks());

        var silence = Assert.IsType<Silence>(metrics.LongestSilence);
        Assert.Equal(TimeSpan.FromMinutes(36), silence.Length);
        Assert.Equal(TimeSpan.FromMinutes(30), silence.Cadence);
    }

    [Fact]
    public void Time_in_each_status_sums_every_visit_and_leaves_out_closed()
    {
        var s = Declared(Severity.Sev2, "10:00");
        s.Status("10:10", Ann, IncidentStatus.Investigating, IncidentStatus.Identified);
        s.Status("10:15", Ann, IncidentStatus.Identified, IncidentStatus.Investigating);
        s.Status("10:45", Ann, IncidentStatus.Investigating, IncidentStatus.Identified);
        s.Status("11:00", Ann, IncidentStatus.Identified, IncidentStatus.Resolved);
        s.Status("11:30", Ann, IncidentStatus.Resolved, IncidentStatus.Closed);

        var metrics = Compute(s, Severity.Sev2);

        Assert.Equal(
            [
                new StatusTime(IncidentStatus.Investigating, TimeSpan.FromMinutes(40)),
                new StatusTime(IncidentStatus.Identified, TimeSpan.FromMinutes(20)),
                new StatusTime(IncidentStatus.Resolved, TimeSpan.FromMinutes(30)),
            ],
            metrics.TimeInStatus);
    }

    [Fact]
    public void Reminders_are_counted_by_kind()
    {
        var metrics = Compute(PostmortemScenarios.Sev1WithoutUpdates());

        Assert.Equal(5, metrics.RemindersSent);
        Assert.Equal(
            [new ReminderCount(ReminderKind.Acknowledge, 1), new ReminderCount(ReminderKind.Update, 3), new ReminderCount(ReminderKind.MonitoringWindow, 1)],
            metrics.Reminders);
    }

    [Fact]
    public void The_acknowledgement_target_is_the_one_of_the_severity_in_force_when_acknowledged()
    {
        var s = Declared(Severity.Sev3, "10:00");
        s.Add("10:02", TimelineKind.SeverityChanged, Ann, "Severity SEV3 → SEV1", "SEV1");
        s.Add("10:08", TimelineKind.Acknowledged, Ann, "Acknowledged by ann after 8 min", Ann.Id);

        var metrics = Compute(s, Severity.Sev1, acknowledgedAt: "10:08");

        Assert.Equal(Severity.Sev1, metrics.AckSeverity);
        Assert.Equal(s.At("10:05"), metrics.AckDueAt);
        Assert.False(metrics.AcknowledgedOnTime);
    }

    [Fact]
    public void A_sev3_has_no_cadence_and_only_counts_the_updates_posted()
    {
        var s = Declared(Severity.Sev3, "10:00");
        s.Update("13:00", Ann, "vendor ticket opened");
        s.Status("15:00", Ann, IncidentStatus.Investigating, IncidentStatus.Resolved);

        var metrics = Compute(s, Severity.Sev3);

        Assert.False(metrics.HadCadence);
        Assert.Equal(1, metrics.UpdatesPosted);
        Assert.Equal(0, metrics.UpdatesDue);
        Assert.Null(metrics.LongestSilence!.Cadence);
    }

    private static ScriptedIncident Declared(Severity severity, string at)
    {
        var s = new ScriptedIncident(new IncidentId(1), new DateOnly(2026, 4, 14), TimeZoneInfo.Utc);
        s.Add(at, TimelineKind.Declared, Ann, $"Declared [{severity.Label()}] Test; commander ann", severity.Label());
        return s;
    }

    private static ResponseMetrics Compute(ScriptedIncident s) =>
        ResponseMetrics.Compute(s.Incident!, [.. s.Timeline.Where(e => !e.Deleted).OrderBy(e => e.At)], s.Policy);

    private static ResponseMetrics Compute(ScriptedIncident s, Severity severity, string? acknowledgedAt = null)
    {
        s.Incident = new Incident
        {
            Id = s.Id,
            Workspace = new WorkspaceId(Platform.Slack, "T1"),
            ChannelId = "C1",
            Title = "Test",
            Severity = severity,
            Commander = Ann,
            DeclaredBy = Ann,
            DeclaredAt = s.Timeline[0].At,
            AcknowledgedAt = acknowledgedAt is null ? null : s.At(acknowledgedAt),
            AcknowledgedBy = acknowledgedAt is null ? null : Ann,
        };
        return Compute(s);
    }
}

using IncidentBot.Core.Incidents;
using IncidentBot.Core.Tests.Postmortems;

namespace IncidentBot.Core.Tests.Alerts;

public sealed class DetectionMetricsTests
{
    private static UserRef Ann { get; } = new("U1", "ann");

    [Fact]
    public void An_alert_declared_incident_shows_time_to_detect_declare_and_acknowledge()
    {
        var s = new ScriptedIncident(new IncidentId(7), new DateOnly(2026, 12, 3), TimeZoneInfo.Utc);
        s.Add("08:47", TimelineKind.Detected, new UserRef("alertmanager", "Alertmanager"), "Detected by Alertmanager alert");
        s.Add("08:49", TimelineKind.Declared, new UserRef("alertmanager", "Alertmanager"), "Declared [SEV1] HighLatency", "SEV1");
        s.Add("08:52", TimelineKind.Acknowledged, Ann, "Acknowledged by ann after 3 min", "U1");
        s.Incident = Incident(s, acknowledged: "08:52");

        Assert.Contains(
            "| Time to detect → declare → acknowledge | detected 08:47 → declared +2 min → acknowledged +3 min (5 min from detection) | — |",
            s.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_incident_without_an_alert_has_no_detection_row()
    {
        var s = new ScriptedIncident(new IncidentId(8), new DateOnly(2026, 12, 3), TimeZoneInfo.Utc);
        s.Add("08:49", TimelineKind.Declared, Ann, "Declared [SEV1] HighLatency", "SEV1");
        s.Incident = Incident(s, acknowledged: null);

        Assert.DoesNotContain("Time to detect", s.Render(), StringComparison.Ordinal);
    }

    private static Incident Incident(ScriptedIncident s, string? acknowledged) => new()
    {
        Id = s.Id,
        Workspace = new WorkspaceId(Platform.Slack, "T1"),
        ChannelId = "C1",
        Title = "HighLatency",
        Severity = Severity.Sev1,
        Commander = Ann,
        DeclaredBy = Ann,
        DeclaredAt = s.At("08:49"),
        AcknowledgedAt = acknowledged is null ? null : s.At(acknowledged),
        AcknowledgedBy = acknowledged is null ? null : Ann,
    };
}

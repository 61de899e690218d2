using IncidentBot.Core.Dashboard;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Storage.Tests.Contract;

public abstract partial class IncidentStoreContract
{
    [Fact]
    public async Task The_dashboard_lists_by_status_severity_and_workspace()
    {
        var open = await DeclareAsync(SlackA);
        var identified = await DeclareAsync(SlackA, i => i with { Status = IncidentStatus.Identified, Severity = Severity.Sev1 });
        await DeclareAsync(SlackA, i => i with { Status = IncidentStatus.Closed });
        await DeclareAsync(SlackB);

        var active = await Dashboard.ListAsync(
            new IncidentFilter { Scope = WorkspaceScope.Of([SlackA]), Statuses = [IncidentStatus.Investigating, IncidentStatus.Identified] }, Ct);
        var sev1 = await Dashboard.ListAsync(new IncidentFilter { Scope = WorkspaceScope.All, Severity = Severity.Sev1 }, Ct);

        Assert.Equal([identified.Id.Number, open.Id.Number], active.Rows.Select(r => r.Id.Number).OrderDescending());
        Assert.Equal(2, active.Total);
        Assert.Equal(identified.Id, Assert.Single(sev1.Rows).Id);
    }

    [Fact]
    public async Task Insights_read_the_incidents_since_a_date_with_the_timeline_kinds_they_chart()
    {
        var incident = await DeclareAsync(SlackA);
        await using (var uow = await Store.BeginAsync(Ct))
        {
            foreach (var (kind, minute) in new[] { (TimelineKind.Declared, 0), (TimelineKind.Message, 1), (TimelineKind.Update, 2), (TimelineKind.StatusChanged, 3) })
            {
                await uow.AddTimelineAsync(new TimelineEntry { IncidentId = incident.Id, At = T0.AddMinutes(minute), Kind = kind, Text = kind.ToString() }, Ct);
            }

            await uow.CommitAsync(Ct);
        }

        var input = await Dashboard.InsightsAsync(WorkspaceScope.All, T0.AddDays(-7), Ct);
        var later = await Dashboard.InsightsAsync(WorkspaceScope.All, T0.AddDays(1), Ct);

        Assert.Equal(incident.Id, Assert.Single(input.Incidents).Id);
        Assert.Equal([TimelineKind.Declared, TimelineKind.Update, TimelineKind.StatusChanged], input.Timelines[incident.Id].Select(e => e.Kind));
        Assert.Empty(later.Incidents);
    }
}

using IncidentBot.Core.Incidents;
using IncidentBot.Storage.Incidents;

namespace IncidentBot.Storage.Tests.Incidents;

public sealed class CommittedIncidentsTests
{
    private static readonly Incident Inc1 = new()
    {
        Id = new IncidentId(1),
        Workspace = new WorkspaceId(Platform.Slack, "T1"),
        ChannelId = "C1",
        Title = "Checkout 500s",
        Severity = Severity.Sev1,
        Status = IncidentStatus.Investigating,
        Commander = new UserRef("U1", "alice"),
        DeclaredBy = new UserRef("U1", "alice"),
        DeclaredAt = new DateTimeOffset(2026, 4, 18, 14, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void A_copy_is_served_until_the_incident_changes()
    {
        var committed = new CommittedIncidents();
        committed.Keep(Inc1, committed.ChangesOf(Inc1.Id));

        Assert.True(committed.TryGet(Inc1.Id, out var kept));
        Assert.Same(Inc1, kept);

        committed.Changed(Inc1.Id.Number);
        Assert.False(committed.TryGet(Inc1.Id, out _));
    }

    [Fact]
    public void A_copy_read_while_a_change_committed_is_never_served()
    {
        var committed = new CommittedIncidents();
        var before = committed.ChangesOf(Inc1.Id);

        // The read began, a unit of work committed a change, then the read's (older) result came back.
        committed.Changed(Inc1.Id.Number);
        committed.Keep(Inc1, before);

        Assert.False(committed.TryGet(Inc1.Id, out _));
    }

    [Fact]
    public void A_change_to_one_incident_leaves_the_copies_of_others()
    {
        var committed = new CommittedIncidents();
        var inc2 = Inc1 with { Id = new IncidentId(2) };
        committed.Keep(Inc1, committed.ChangesOf(Inc1.Id));
        committed.Keep(inc2, committed.ChangesOf(inc2.Id));

        committed.Changed(inc2.Id.Number);

        Assert.True(committed.TryGet(Inc1.Id, out _));
        Assert.False(committed.TryGet(inc2.Id, out _));
    }

    [Fact]
    public void A_list_of_open_incidents_is_served_until_any_incident_changes()
    {
        var committed = new CommittedIncidents();
        committed.KeepOpen(Inc1.Workspace, null, [Inc1], committed.AllChanges);

        Assert.True(committed.TryGetOpen(Inc1.Workspace, null, out var open));
        Assert.Equal([Inc1], open);
        Assert.False(committed.TryGetOpen(Inc1.Workspace, "C1", out _));
        Assert.False(committed.TryGetOpen(new WorkspaceId(Platform.Discord, "T1"), null, out _));

        // Another incident changed: it may have opened or closed, so no list read before is served again.
        committed.Changed(2);
        Assert.False(committed.TryGetOpen(Inc1.Workspace, null, out _));
    }

    [Fact]
    public void A_list_read_while_a_change_committed_is_never_served()
    {
        var committed = new CommittedIncidents();
        var before = committed.AllChanges;

        committed.Changed(Inc1.Id.Number);
        committed.KeepOpen(Inc1.Workspace, null, [], before);

        Assert.False(committed.TryGetOpen(Inc1.Workspace, null, out _));
    }
}

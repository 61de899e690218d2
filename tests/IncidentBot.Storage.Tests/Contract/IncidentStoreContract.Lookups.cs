using IncidentBot.Core.Incidents;

namespace IncidentBot.Storage.Tests.Contract;

/// <summary>
/// The lookups a rehearsal runs off the write path (DESIGN.md §7) answer on committed state, whatever committed it:
/// a unit of work, a rolled-back one (nothing), the dispatcher storing a root or thread id. On SQLite they may be
/// served from a copy of the committed incident; these pin that the copy never outlives a commit.
/// </summary>
public abstract partial class IncidentStoreContract
{
    [Fact]
    public async Task Lookups_see_each_committed_change_of_an_incident_they_have_read()
    {
        var incident = await DeclareAsync(SlackA);
        Assert.Equal(IncidentStatus.Investigating, (await LookUpAsync(SlackA, incident.Id))!.Status);

        await SaveAsync(incident with { Status = IncidentStatus.Resolved, ResolvedAt = T0.AddMinutes(5), Responders = [Bob] }, commit: true);
        var resolved = await LookUpAsync(SlackA, incident.Id);

        await SaveAsync(resolved! with { Status = IncidentStatus.Closed }, commit: false);
        var afterRollback = await LookUpAsync(SlackA, incident.Id);

        await SetRootAndThreadAsync(incident.Id, "1713450180.000100", "1713450180.000100");
        var posted = await LookUpAsync(SlackA, incident.Id);

        Assert.Equal(IncidentStatus.Resolved, resolved!.Status);
        Assert.Equal([Bob], resolved.Responders);
        Assert.Equal(IncidentStatus.Resolved, afterRollback!.Status);
        Assert.Equal(("1713450180.000100", "1713450180.000100"), (posted!.RootMessageId, posted.ThreadId));
    }

    [Fact]
    public async Task A_lookup_in_another_workspace_finds_nothing_even_after_the_incident_was_read()
    {
        var incident = await DeclareAsync(SlackA);
        Assert.NotNull(await LookUpAsync(SlackA, incident.Id));

        Assert.Null(await LookUpAsync(SlackB, incident.Id));
        Assert.Null(await LookUpAsync(SlackA, new IncidentId(incident.Id.Number + 1)));
    }

    [Fact]
    public async Task The_open_incidents_a_lookup_lists_follow_each_committed_change()
    {
        var first = await DeclareAsync(SlackA);
        Assert.Equal([first.Id], await ListOpenAsync(SlackA, null));

        var second = await DeclareAsync(SlackA, channel: "C2");
        var afterDeclare = await ListOpenAsync(SlackA, null);
        var inC2 = await ListOpenAsync(SlackA, "C2");

        await SaveAsync(first with { Status = IncidentStatus.Closed, ClosedAt = T0.AddMinutes(30) }, commit: true);
        var afterClose = await ListOpenAsync(SlackA, null);

        await SaveAsync(second with { Status = IncidentStatus.Closed, ClosedAt = T0.AddMinutes(40) }, commit: false);
        var afterRollback = await ListOpenAsync(SlackA, null);

        Assert.Equal([second.Id, first.Id], afterDeclare);
        Assert.Equal([second.Id], inC2);
        Assert.Equal([second.Id], afterClose);
        Assert.Equal([second.Id], afterRollback);
        Assert.Empty(await ListOpenAsync(SlackB, null));
    }

    private async Task<IncidentId[]> ListOpenAsync(WorkspaceId workspace, string? channelId)
    {
        await using var lookups = await Store.OpenLookupsAsync(Ct);
        return [.. (await lookups.ListOpenAsync(workspace, channelId, Ct)).Select(i => i.Id)];
    }

    private async Task<Incident?> LookUpAsync(WorkspaceId workspace, IncidentId id)
    {
        await using var lookups = await Store.OpenLookupsAsync(Ct);
        return await lookups.GetAsync(workspace, id, Ct);
    }

    private async Task SaveAsync(Incident incident, bool commit)
    {
        await using var uow = await Store.BeginAsync(Ct);
        Assert.NotNull(await uow.GetAsync(incident.Workspace, incident.Id, Ct));
        await uow.SaveAsync(incident, Ct);
        if (commit)
        {
            await uow.CommitAsync(Ct);
        }
    }
}

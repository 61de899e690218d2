using IncidentBot.Core.Incidents;

namespace IncidentBot.Storage.Tests.Contract;

public abstract partial class IncidentStoreContract
{
    [Fact]
    public async Task Every_incident_field_round_trips()
    {
        var plus2 = TimeSpan.FromHours(2);
        var full = await DeclareAsync(SlackA, i => i with
        {
            ChannelId = "C-incidents",
            RootMessageId = "1713450180.000100",
            ThreadId = "1713450180.000100",
            Title = "Checkout 500s — \"quotes\" 'and' <tags> 🚨",
            Severity = Severity.Sev1,
            Status = IncidentStatus.Monitoring,
            Commander = Bob,
            DeclaredBy = Alice,
            DeclaredAt = T0,
            AcknowledgedAt = T0.AddMinutes(2),
            AcknowledgedBy = Carol,
            ResolvedAt = T0.AddHours(1),
            ClosedAt = T0.AddHours(2),
            ReopenedAt = new DateTimeOffset(2026, 4, 18, 17, 0, 0, plus2),
            Summary = "A bad deploy",
            Impact = "All EU customers",
            LastUpdateAt = T0.AddMinutes(30),
            LastUpdateText = "Rolled back",
            LastAckReminderAt = T0.AddMinutes(5),
            LastUpdateReminderAt = T0.AddMinutes(45),
            MonitoringReminderSent = true,
            PostmortemRemindersSent = 2,
            PostmortemDoneAt = T0.AddDays(2),
            PostmortemLink = "https://docs.example/pm/42",
            Responders = [Carol, new UserRef("U9", "dave")],
            NextReminderAt = T0.AddHours(24),
        });

        var found = await Reader.FindAsync(full.Id, Ct);

        AssertSameIncident(full, found);
    }

    [Fact]
    public async Task An_incident_without_optional_fields_reads_back_with_nulls()
    {
        var minimal = await DeclareAsync(DiscordA);

        var found = await Reader.FindAsync(minimal.Id, Ct);

        AssertSameIncident(minimal, found);
        Assert.Null(found!.RootMessageId);
        Assert.Null(found.AcknowledgedBy);
        Assert.Null(found.NextReminderAt);
        Assert.Empty(found.Responders);
    }

    [Fact]
    public async Task Instants_keep_the_millisecond_and_read_back_as_the_same_moment()
    {
        var precise = new DateTimeOffset(2026, 4, 18, 16, 23, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        var incident = await DeclareAsync(SlackA, i => i with { DeclaredAt = precise });

        var found = await Reader.FindAsync(incident.Id, Ct);

        Assert.Equal(precise.AddTicks(-(precise.Ticks % TimeSpan.TicksPerMillisecond)), found!.DeclaredAt);
        Assert.Equal(TimeSpan.Zero, found.DeclaredAt.Offset);
    }

    [Fact]
    public async Task Saving_again_updates_the_incident_and_replaces_its_responders()
    {
        var incident = await DeclareAsync(SlackA, i => i with { Responders = [Bob, Carol] });
        var changed = incident with
        {
            Status = IncidentStatus.Resolved,
            ResolvedAt = T0.AddHours(1),
            Severity = Severity.Sev1,
            Responders = [Carol],
            NextReminderAt = T0.AddHours(1.5),
        };

        await using (var uow = await Store.BeginAsync(Ct))
        {
            await uow.SaveAsync(changed, Ct);
            await uow.CommitAsync(Ct);
        }

        AssertSameIncident(changed, await Reader.FindAsync(incident.Id, Ct));
        Assert.Equal(1, await CountAsync("incident_responders"));
    }

    [Fact]
    public async Task An_incident_cannot_be_moved_into_another_workspace()
    {
        var incident = await DeclareAsync(SlackA);

        await using (var uow = await Store.BeginAsync(Ct))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => uow.SaveAsync(incident with { Workspace = SlackB, Title = "hijacked" }, Ct));
        }

        AssertSameIncident(incident, await Reader.FindAsync(incident.Id, Ct));
    }

    [Fact]
    public async Task A_save_from_a_copy_read_before_the_root_was_posted_keeps_the_root_and_thread()
    {
        var stale = await DeclareAsync(SlackA);
        await SetRootAndThreadAsync(stale.Id, "R1", "TH1");

        await using (var uow = await Store.BeginAsync(Ct))
        {
            await uow.SaveAsync(stale with { Summary = "later change" }, Ct);
            await uow.CommitAsync(Ct);
        }

        var found = await Reader.FindAsync(stale.Id, Ct);
        Assert.Equal("R1", found!.RootMessageId);
        Assert.Equal("TH1", found.ThreadId);
        Assert.Equal("later change", found.Summary);
    }

    [Fact]
    public async Task FindAsync_sees_every_workspace_and_not_unknown_ids()
    {
        var slack = await DeclareAsync(SlackA);
        var discord = await DeclareAsync(DiscordA);

        Assert.Equal(SlackA, (await Reader.FindAsync(slack.Id, Ct))!.Workspace);
        Assert.Equal(DiscordA, (await Reader.FindAsync(discord.Id, Ct))!.Workspace);
        Assert.Null(await Reader.FindAsync(new IncidentId(999), Ct));
    }

    [Fact]
    public async Task ListAsync_is_newest_first_and_can_leave_out_closed_incidents()
    {
        var first = await DeclareAsync(SlackA, i => i with { DeclaredAt = T0 });
        var closed = await DeclareAsync(DiscordA, i => i with { DeclaredAt = T0.AddMinutes(1), Status = IncidentStatus.Closed, ClosedAt = T0.AddHours(1) });
        var resolved = await DeclareAsync(SlackB, i => i with { DeclaredAt = T0.AddMinutes(2), Status = IncidentStatus.Resolved, Responders = [Bob] });

        var all = await Reader.ListAsync(openOnly: false, Ct);
        var open = await Reader.ListAsync(openOnly: true, Ct);

        Assert.Equal([resolved.Id, closed.Id, first.Id], all.Select(i => i.Id));
        Assert.Equal([resolved.Id, first.Id], open.Select(i => i.Id));
        Assert.Equal([Bob], open[0].Responders);
    }

    [Fact]
    public async Task ListOpenAsync_keeps_to_the_workspace_and_optionally_the_channel()
    {
        var inIncidents = await DeclareAsync(SlackA, channel: "C-incidents");
        var elsewhere = await DeclareAsync(SlackA, channel: "C-ops");
        await DeclareAsync(SlackA, i => i with { Status = IncidentStatus.Closed }, channel: "C-incidents");
        await DeclareAsync(SlackB, channel: "C-incidents");
        await DeclareAsync(DiscordA, channel: "C-incidents");

        await using var uow = await Store.BeginAsync(Ct);
        var inWorkspace = await uow.ListOpenAsync(SlackA, null, Ct);
        var inChannel = await uow.ListOpenAsync(SlackA, "C-incidents", Ct);

        Assert.Equal([elsewhere.Id, inIncidents.Id], inWorkspace.Select(i => i.Id));
        Assert.Equal([inIncidents.Id], inChannel.Select(i => i.Id));
    }
}

using System.Data.Common;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Storage.Tests.Contract;

public abstract partial class IncidentStoreContract
{
    [Fact]
    public async Task Incident_ids_are_one_sequence_across_workspaces_and_platforms()
    {
        var ids = new List<IncidentId>();
        foreach (var workspace in new[] { SlackA, DiscordA, SlackB, SlackA })
        {
            ids.Add((await DeclareAsync(workspace)).Id);
        }

        Assert.Equal([new IncidentId(1), new IncidentId(2), new IncidentId(3), new IncidentId(4)], ids);
    }

    [Fact]
    public async Task An_id_taken_by_a_rolled_back_unit_of_work_is_handed_out_again()
    {
        await using (var uow = await Store.BeginAsync(Ct))
        {
            Assert.Equal(new IncidentId(1), await uow.NextIncidentIdAsync(Ct));
        }

        var declared = await DeclareAsync(SlackA);

        Assert.Equal(new IncidentId(1), declared.Id);
    }

    [Fact]
    public async Task A_duplicate_inbound_key_is_refused_and_nothing_is_written()
    {
        await using (var uow = await Store.BeginAsync(Ct))
        {
            Assert.True(await uow.TryRecordInboundAsync(SlackA, "Ev123", T0, Ct));
            await uow.CommitAsync(Ct);
        }

        var before = await CountAllAsync();
        bool second;
        await using (var uow = await Store.BeginAsync(Ct))
        {
            second = await uow.TryRecordInboundAsync(SlackA, "Ev123", T0.AddSeconds(1), Ct);
        }

        Assert.False(second);
        Assert.Equal(before, await CountAllAsync());
    }

    [Fact]
    public async Task The_same_inbound_key_in_another_workspace_is_not_a_duplicate()
    {
        await using var uow = await Store.BeginAsync(Ct);

        Assert.True(await uow.TryRecordInboundAsync(SlackA, "1713450180.000100", T0, Ct));
        Assert.True(await uow.TryRecordInboundAsync(SlackB, "1713450180.000100", T0, Ct));
        Assert.True(await uow.TryRecordInboundAsync(DiscordA, "1713450180.000100", T0, Ct));
        Assert.False(await uow.TryRecordInboundAsync(SlackA, "1713450180.000100", T0, Ct));
    }

    [Fact]
    public async Task Disposing_without_commit_leaves_nothing()
    {
        var empty = await CountAllAsync();

        await using (var uow = await Store.BeginAsync(Ct))
        {
            await WriteEverythingAsync(uow);
        }

        Assert.Equal(empty, await CountAllAsync());
        await using var again = await Store.BeginAsync(Ct);
        Assert.True(await again.TryRecordInboundAsync(SlackA, "key-1", T0, Ct));
        Assert.Equal(new IncidentId(1), await again.NextIncidentIdAsync(Ct));
    }

    [Fact]
    public async Task A_committed_unit_of_work_keeps_everything_it_wrote()
    {
        await using (var uow = await Store.BeginAsync(Ct))
        {
            await WriteEverythingAsync(uow);
            await uow.CommitAsync(Ct);
        }

        var counts = await CountAllAsync();
        Assert.All(counts, c => Assert.True(c.Value > 0, $"{c.Key} is empty"));
    }

    [Fact]
    public async Task A_failure_mid_transaction_leaves_nothing_and_the_unit_of_work_accepts_no_more()
    {
        var empty = await CountAllAsync();

        await using (var uow = await Store.BeginAsync(Ct))
        {
            var id = await WriteEverythingAsync(uow);
            var missing = new TimelineEntry { Id = 9999, IncidentId = id, At = T0, Kind = TimelineKind.Message, Text = "x" };
            await Assert.ThrowsAsync<InvalidOperationException>(() => uow.UpdateTimelineAsync(missing, Ct));

            await Assert.ThrowsAsync<InvalidOperationException>(() => uow.AddAuditAsync(new AuditEntry(SlackA, id, T0, "U1", "after", ""), Ct));
            await Assert.ThrowsAsync<InvalidOperationException>(() => uow.CommitAsync(Ct));
        }

        Assert.Equal(empty, await CountAllAsync());
    }

    [Fact]
    public async Task A_commit_the_database_rejects_leaves_nothing()
    {
        var empty = await CountAllAsync();

        await using (var uow = await Store.BeginAsync(Ct))
        {
            await WriteEverythingAsync(uow);

            // No such incident: the foreign key is checked at commit, so the whole transaction is refused.
            await uow.EnqueueAsync(new IncidentId(777), new PostRootMessage(), T0, Ct);
            await Assert.ThrowsAnyAsync<DbException>(() => uow.CommitAsync(Ct));
        }

        Assert.Equal(empty, await CountAllAsync());
    }

    [Fact]
    public async Task Lookups_in_a_unit_of_work_do_not_reach_other_workspaces()
    {
        var mine = await DeclareAsync(SlackA, i => i with { RootMessageId = "R-mine", ThreadId = "TH-mine" });
        var theirs = await DeclareAsync(SlackB, i => i with { RootMessageId = "R-theirs", ThreadId = "TH-theirs" });
        var discord = await DeclareAsync(DiscordA, i => i with { RootMessageId = "R-discord", ThreadId = "TH-discord" });
        await using (var write = await Store.BeginAsync(Ct))
        {
            foreach (var (incident, source) in new[] { (mine, "M-mine"), (theirs, "M-theirs"), (discord, "M-discord") })
            {
                await write.AddTimelineAsync(new TimelineEntry { IncidentId = incident.Id, At = T0, Kind = TimelineKind.Message, Text = "hi", SourceMessageId = source }, Ct);
            }

            await write.CommitAsync(Ct);
        }

        await using var uow = await Store.BeginAsync(Ct);

        Assert.NotNull(await uow.GetAsync(SlackA, mine.Id, Ct));
        Assert.NotNull(await uow.FindByThreadAsync(SlackA, "TH-mine", Ct));
        Assert.NotNull(await uow.FindByRootMessageAsync(SlackA, "R-mine", Ct));
        Assert.NotNull(await uow.FindTimelineBySourceAsync(SlackA, "M-mine", Ct));
        foreach (var other in new[] { theirs, discord })
        {
            var suffix = other == theirs ? "theirs" : "discord";
            Assert.Null(await uow.GetAsync(SlackA, other.Id, Ct));
            Assert.Null(await uow.FindByThreadAsync(SlackA, "TH-" + suffix, Ct));
            Assert.Null(await uow.FindByRootMessageAsync(SlackA, "R-" + suffix, Ct));
            Assert.Null(await uow.FindTimelineBySourceAsync(SlackA, "M-" + suffix, Ct));
        }

        Assert.Equal([mine.Id], (await uow.ListOpenAsync(SlackA, null, Ct)).Select(i => i.Id));
        Assert.Equal([discord.Id], (await uow.ListOpenAsync(DiscordA, null, Ct)).Select(i => i.Id));
    }

    [Fact]
    public async Task A_thread_is_found_by_its_root_message_before_the_thread_id_is_stored()
    {
        var posted = await DeclareAsync(SlackA, i => i with { RootMessageId = "1767600001.000001", ThreadId = null });
        var other = await DeclareAsync(SlackA, i => i with { RootMessageId = "R-other", ThreadId = "TH-other" });

        await using var uow = await Store.BeginAsync(Ct);

        Assert.Equal(posted.Id, (await uow.FindByThreadAsync(SlackA, "1767600001.000001", Ct))?.Id);
        Assert.Null(await uow.FindByThreadAsync(SlackB, "1767600001.000001", Ct));
        Assert.Null(await uow.FindByThreadAsync(SlackA, "R-other", Ct));
        Assert.Equal(other.Id, (await uow.FindByThreadAsync(SlackA, "TH-other", Ct))?.Id);
    }

    [Fact]
    public async Task The_reminder_lookup_finds_an_incident_of_any_workspace()
    {
        var slack = await DeclareAsync(SlackB);
        var discord = await DeclareAsync(DiscordA);

        await using var uow = await Store.BeginAsync(Ct);

        Assert.Equal(SlackB, (await uow.GetForReminderAsync(slack.Id, Ct))!.Workspace);
        Assert.Equal(DiscordA, (await uow.GetForReminderAsync(discord.Id, Ct))!.Workspace);
        Assert.Null(await uow.GetForReminderAsync(new IncidentId(99), Ct));
    }

    [Fact]
    public async Task Concurrent_units_of_work_queue_for_the_write_lock_and_both_commit()
    {
        var first = await Store.BeginAsync(Ct);
        var firstId = await first.NextIncidentIdAsync(Ct);
        var second = Task.Run(async () =>
        {
            await using var uow = await Store.BeginAsync(Ct);
            var id = await uow.NextIncidentIdAsync(Ct);
            await uow.SaveAsync(NewIncident(id, SlackB), Ct);
            await uow.CommitAsync(Ct);
            return id;
        }, Ct);

        await first.SaveAsync(NewIncident(firstId, SlackA), Ct);
        await first.CommitAsync(Ct);
        await first.DisposeAsync();
        var secondId = await second;

        Assert.Equal(new IncidentId(1), firstId);
        Assert.Equal(new IncidentId(2), secondId);
        Assert.Equal(2, (await Reader.ListAsync(openOnly: false, Ct)).Count);
    }

    /// <summary>One row in every table, as a declare with a postmortem would write.</summary>
    private static async Task<IncidentId> WriteEverythingAsync(Core.Persistence.IIncidentUnitOfWork uow)
    {
        Assert.True(await uow.TryRecordInboundAsync(SlackA, "key-1", T0, Ct));
        var id = await uow.NextIncidentIdAsync(Ct);
        await uow.SaveAsync(NewIncident(id, SlackA) with { Responders = [Bob] }, Ct);
        await uow.AddTimelineAsync(new TimelineEntry
        {
            IncidentId = id,
            At = T0,
            Kind = TimelineKind.Message,
            Text = "now",
            Revisions = [new TimelineRevision(T0, "before")],
        }, Ct);
        await uow.AddActionItemAsync(new ActionItem { IncidentId = id, Text = "fix", CreatedAt = T0 }, Ct);
        await uow.AddAuditAsync(new AuditEntry(SlackA, id, T0, "U1", "declare", "sev2"), Ct);
        await uow.EnqueueAsync(id, new PostRootMessage(), T0, Ct);
        await uow.SavePostmortemAsync(id, "# Postmortem", T0, Ct);
        return id;
    }
}

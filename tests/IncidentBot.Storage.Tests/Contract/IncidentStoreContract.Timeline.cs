using IncidentBot.Core.Incidents;

namespace IncidentBot.Storage.Tests.Contract;

public abstract partial class IncidentStoreContract
{
    [Fact]
    public async Task Timeline_entries_round_trip_with_every_field()
    {
        var incident = await DeclareAsync(SlackA);
        var human = new TimelineEntry
        {
            IncidentId = incident.Id,
            At = T0.AddMinutes(1),
            Kind = TimelineKind.Message,
            Author = Bob,
            Text = "root cause: a config push",
            SourceMessageId = "1713450240.000200",
            Key = true,
            Deleted = true,
            Revisions = [new TimelineRevision(T0.AddMinutes(2), "first"), new TimelineRevision(T0.AddMinutes(3), "second")],
        };
        var change = new TimelineEntry
        {
            IncidentId = incident.Id,
            At = T0.AddMinutes(4),
            Kind = TimelineKind.StatusChanged,
            Text = "Status → Identified",
            Detail = "Identified",
        };

        long humanId, changeId;
        await using (var uow = await Store.BeginAsync(Ct))
        {
            humanId = await uow.AddTimelineAsync(human, Ct);
            changeId = await uow.AddTimelineAsync(change, Ct);
            await uow.CommitAsync(Ct);
        }

        var timeline = await Reader.GetTimelineAsync(incident.Id, Ct);
        Assert.Equal(2, timeline.Count);
        AssertSameEntry(human with { Id = humanId }, timeline[0]);
        AssertSameEntry(change with { Id = changeId }, timeline[1]);
        Assert.NotEqual(humanId, changeId);
    }

    [Fact]
    public async Task The_timeline_is_oldest_first_whatever_the_recording_order()
    {
        var incident = await DeclareAsync(SlackA);
        await using (var uow = await Store.BeginAsync(Ct))
        {
            foreach (var minute in new[] { 5, 1, 3, 3 })
            {
                await uow.AddTimelineAsync(new TimelineEntry { IncidentId = incident.Id, At = T0.AddMinutes(minute), Kind = TimelineKind.Note, Text = $"m{minute}" }, Ct);
            }

            await uow.CommitAsync(Ct);
        }

        var timeline = await Reader.GetTimelineAsync(incident.Id, Ct);

        Assert.Equal(["m1", "m3", "m3", "m5"], timeline.Select(e => e.Text));
        Assert.True(timeline[1].Id < timeline[2].Id);
    }

    [Fact]
    public async Task The_tail_is_the_newest_entries_not_deleted_oldest_first_with_their_revisions()
    {
        var incident = await DeclareAsync(SlackA);
        await using (var uow = await Store.BeginAsync(Ct))
        {
            foreach (var minute in new[] { 1, 2, 3, 4, 5 })
            {
                await uow.AddTimelineAsync(new TimelineEntry
                {
                    IncidentId = incident.Id,
                    At = T0.AddMinutes(minute),
                    Kind = minute == 4 ? TimelineKind.Reminder : TimelineKind.Note,
                    Text = $"m{minute}",
                    Deleted = minute == 5,
                    Revisions = minute == 3 ? [new TimelineRevision(T0.AddMinutes(3.5), "earlier m3")] : [],
                }, Ct);
            }

            await uow.CommitAsync(Ct);
        }

        var withoutReminders = await Reader.GetTimelineTailAsync(incident.Id, 2, withReminders: false, Ct);
        var withReminders = await Reader.GetTimelineTailAsync(incident.Id, 2, withReminders: true, Ct);

        Assert.Equal(["m2", "m3"], withoutReminders.Select(e => e.Text));
        Assert.Equal("earlier m3", Assert.Single(withoutReminders[1].Revisions).PreviousText);
        Assert.Equal(["m3", "m4"], withReminders.Select(e => e.Text));
    }

    [Fact]
    public async Task Updating_an_entry_changes_text_and_flags_and_appends_revisions()
    {
        var incident = await DeclareAsync(SlackA);
        var entry = new TimelineEntry { IncidentId = incident.Id, At = T0, Kind = TimelineKind.Message, Author = Bob, Text = "v1", SourceMessageId = "M1" };
        await using (var uow = await Store.BeginAsync(Ct))
        {
            entry = entry with { Id = await uow.AddTimelineAsync(entry, Ct) };
            await uow.CommitAsync(Ct);
        }

        var edited = entry with { Text = "v2", Revisions = [new TimelineRevision(T0.AddMinutes(1), "v1")] };
        var editedAgain = edited with { Text = "v3", Key = true, Revisions = [.. edited.Revisions, new TimelineRevision(T0.AddMinutes(2), "v2")] };
        var deleted = editedAgain with { Deleted = true };
        foreach (var step in new[] { edited, editedAgain, deleted })
        {
            await using var uow = await Store.BeginAsync(Ct);
            await uow.UpdateTimelineAsync(step, Ct);
            await uow.CommitAsync(Ct);
        }

        await using var read = await Store.BeginAsync(Ct);
        AssertSameEntry(deleted, await read.FindTimelineBySourceAsync(SlackA, "M1", Ct));
        AssertSameEntry(deleted, (await read.GetTimelineAsync(incident.Id, Ct)).Single());
    }

    [Fact]
    public async Task Revisions_are_history_and_an_update_without_them_does_not_erase_them()
    {
        var incident = await DeclareAsync(SlackA);
        var entry = new TimelineEntry
        {
            IncidentId = incident.Id,
            At = T0,
            Kind = TimelineKind.Message,
            Text = "v2",
            SourceMessageId = "M1",
            Revisions = [new TimelineRevision(T0.AddMinutes(1), "v1")],
        };
        await using (var uow = await Store.BeginAsync(Ct))
        {
            entry = entry with { Id = await uow.AddTimelineAsync(entry, Ct) };
            await uow.UpdateTimelineAsync(entry with { Key = true, Revisions = [] }, Ct);
            await uow.CommitAsync(Ct);
        }

        var stored = (await Reader.GetTimelineAsync(incident.Id, Ct)).Single();

        Assert.True(stored.Key);
        Assert.Equal(entry.Revisions, stored.Revisions);
    }

    [Fact]
    public async Task Action_items_round_trip_in_the_order_they_were_added()
    {
        var incident = await DeclareAsync(SlackA);
        var owned = new ActionItem { IncidentId = incident.Id, Text = "Add a canary", Owner = Bob, Due = new DateOnly(2026, 4, 30), Done = true, CreatedAt = T0.AddMinutes(9) };
        var bare = new ActionItem { IncidentId = incident.Id, Text = "Write the runbook", CreatedAt = T0.AddMinutes(3) };

        long ownedId, bareId;
        await using (var uow = await Store.BeginAsync(Ct))
        {
            ownedId = await uow.AddActionItemAsync(owned, Ct);
            bareId = await uow.AddActionItemAsync(bare, Ct);
            Assert.Equal([owned with { Id = ownedId }, bare with { Id = bareId }], await uow.GetActionItemsAsync(incident.Id, Ct));
            await uow.CommitAsync(Ct);
        }

        Assert.Equal([owned with { Id = ownedId }, bare with { Id = bareId }], await Reader.GetActionItemsAsync(incident.Id, Ct));
        Assert.Empty(await Reader.GetActionItemsAsync(new IncidentId(99), Ct));
    }

    [Fact]
    public async Task The_latest_postmortem_draft_replaces_the_previous_one()
    {
        var incident = await DeclareAsync(SlackA);
        Assert.Null(await Reader.GetPostmortemAsync(incident.Id, Ct));

        foreach (var draft in new[] { "# Postmortem v1", "# Postmortem v2 — ünïcode" })
        {
            await using var uow = await Store.BeginAsync(Ct);
            await uow.SavePostmortemAsync(incident.Id, draft, T0, Ct);
            await uow.CommitAsync(Ct);
        }

        Assert.Equal("# Postmortem v2 — ünïcode", await Reader.GetPostmortemAsync(incident.Id, Ct));
        Assert.Equal(1, await CountAsync("postmortems"));
    }
}

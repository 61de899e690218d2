using IncidentBot.Core.Incidents;

namespace IncidentBot.Storage.Tests.Contract;

public abstract partial class IncidentStoreContract
{
    [Fact]
    public async Task The_earliest_reminder_is_the_smallest_planned_time_of_any_workspace()
    {
        Assert.Null(await Store.GetEarliestReminderAsync(Ct));
        await DeclareAsync(SlackA);
        Assert.Null(await Store.GetEarliestReminderAsync(Ct));

        await DeclareAsync(SlackA, i => i with { NextReminderAt = T0.AddMinutes(15) });
        await DeclareAsync(DiscordA, i => i with { NextReminderAt = T0.AddMinutes(5) });
        await DeclareAsync(SlackB, i => i with { NextReminderAt = T0.AddMinutes(30) });

        Assert.Equal(T0.AddMinutes(5), await Store.GetEarliestReminderAsync(Ct));
    }

    [Fact]
    public async Task Due_incidents_are_those_at_or_before_now_earliest_first_and_limited()
    {
        var late = await DeclareAsync(SlackA, i => i with { NextReminderAt = T0.AddMinutes(10) });
        var early = await DeclareAsync(DiscordA, i => i with { NextReminderAt = T0.AddMinutes(1) });
        var exactlyNow = await DeclareAsync(SlackB, i => i with { NextReminderAt = T0.AddMinutes(20) });
        await DeclareAsync(SlackA, i => i with { NextReminderAt = T0.AddMinutes(21) });
        await DeclareAsync(SlackA);

        var now = T0.AddMinutes(20);

        Assert.Equal([early.Id, late.Id, exactlyNow.Id], await Store.GetDueIncidentsAsync(now, 10, Ct));
        Assert.Equal([early.Id, late.Id], await Store.GetDueIncidentsAsync(now, 2, Ct));
        Assert.Empty(await Store.GetDueIncidentsAsync(T0, 10, Ct));
    }

    [Fact]
    public async Task A_saved_plan_moves_the_incident_in_and_out_of_the_due_list()
    {
        var incident = await DeclareAsync(SlackA, i => i with { NextReminderAt = T0.AddMinutes(5) });
        Assert.Equal([incident.Id], await Store.GetDueIncidentsAsync(T0.AddMinutes(5), 10, Ct));

        await using (var uow = await Store.BeginAsync(Ct))
        {
            await uow.SaveAsync(incident with { NextReminderAt = null, Status = IncidentStatus.Resolved }, Ct);
            await uow.CommitAsync(Ct);
        }

        Assert.Empty(await Store.GetDueIncidentsAsync(T0.AddDays(1), 10, Ct));
        Assert.Null(await Store.GetEarliestReminderAsync(Ct));
    }
}

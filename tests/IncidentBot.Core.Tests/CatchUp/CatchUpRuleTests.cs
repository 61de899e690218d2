using IncidentBot.Core.CatchUp;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Tests.Support;
using static IncidentBot.Core.Tests.Support.IncidentHarness;

namespace IncidentBot.Core.Tests.CatchUp;

public sealed class CatchUpRuleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_thread_is_read_after_its_newest_recorded_message_whatever_order_the_messages_came_in()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.SayAsync(id, "m2", "said second", Bob, at: bot.Now.AddMinutes(2));
        await bot.SayAsync(id, "m1", "said first, recorded late", Carol, at: bot.Now.AddMinutes(1));

        var read = Assert.Single(await CatchUpRule.PlanAsync(bot.Store, Platform.Slack, Ct));

        Assert.Equal((id, ThreadOf(id), "m2", true), (read.Incident.Id, read.ThreadId, read.AfterMessageId, read.Acknowledgements));
    }

    [Fact]
    public async Task A_thread_with_nothing_recorded_is_read_from_its_start()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();

        var read = Assert.Single(await CatchUpRule.PlanAsync(bot.Store, Platform.Slack, Ct));

        Assert.Equal(ThreadOf(id), read.AfterMessageId);
    }

    [Fact]
    public async Task A_resolved_incident_is_read_for_its_messages_but_not_for_acknowledgements_and_other_platforms_not_at_all()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.InThreadAsync(id, "resolve");

        var read = Assert.Single(await CatchUpRule.PlanAsync(bot.Store, Platform.Slack, Ct));

        Assert.False(read.Acknowledgements);
        Assert.Empty(await CatchUpRule.PlanAsync(bot.Store, Platform.Discord, Ct));
    }
}

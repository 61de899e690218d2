using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Slack.Background;
using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.Reactions;
using IncidentBot.Slack.Tests.Infrastructure;
using IncidentBot.Slack.Wire;

namespace IncidentBot.Slack.Tests.Inbound;

/// <summary>The pure half of the inbound path: payload in, Core's record (or nothing) out, no host needed.</summary>
public sealed class SlackEventMapperTests
{
    private static readonly WorkspaceId Workspace = new(Platform.Slack, "T1");
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly SlackEventMapper.Reading _reading;

    public SlackEventMapperTests()
    {
        var identity = new SlackBotIdentity();
        identity.Set("UBOT", "BBOT");
        _reading = new(identity, (id, fallback) => fallback ?? id.ToLowerInvariant(), new SlackReactions(SlackTestHost.Reactions), "C0INCIDENTS", Now);
    }

    [Fact]
    public void A_reaction_is_handed_on_by_its_meaning_with_its_natural_key()
    {
        var added = Assert.IsType<ReactionAdded>(SlackEventMapper.Map(Workspace, ReactionEvent("U1", "eyes::skin-tone-3"), _reading));

        Assert.Equal(("1.000100", Reaction.Acknowledge, "u1"), (added.MessageId, added.Reaction, added.Context.User.Name));
        Assert.Equal("react:+:C1:1.000100:eyes::skin-tone-3:U1:2.000000", added.Context.DedupKey);
    }

    [Theory]
    [InlineData("UBOT", "eyes")]
    [InlineData("U1", "thumbsup")]
    public void The_bots_own_reactions_and_those_that_mean_nothing_are_dropped(string user, string name) =>
        Assert.Null(SlackEventMapper.Map(Workspace, ReactionEvent(user, name), _reading));

    [Fact]
    public void A_message_read_back_from_history_is_recorded_as_its_event_would_have_been()
    {
        var message = new SlackMessage { User = "U1", Text = "rolled back &amp; watching", Ts = "3.000100" };

        var posted = SlackEventMapper.FromHistory(Workspace, "C1", "1.000100", message, _reading);

        Assert.Equal(("3.000100", "rolled back & watching", "msg:C1:3.000100"), (posted!.MessageId, posted.Text, posted.Context.DedupKey));
        Assert.Equal("1.000100", posted.Context.ThreadId);
    }

    private static SlackEvent ReactionEvent(string user, string name) => new()
    {
        Type = "reaction_added",
        User = user,
        Reaction = name,
        EventTs = "2.000000",
        Item = new ReactionItem { Type = "message", Channel = "C1", Ts = "1.000100" },
    };
}

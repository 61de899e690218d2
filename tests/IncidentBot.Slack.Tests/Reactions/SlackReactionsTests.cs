using IncidentBot.Core.Messaging;
using IncidentBot.Slack.Reactions;

namespace IncidentBot.Slack.Tests.Reactions;

public sealed class SlackReactionsTests
{
    private readonly SlackReactions _reactions = new(new ReactionMap(["eyes", "ack"], ["pushpin", "warning"], "heavy_check_mark"));

    [Theory]
    [InlineData("eyes", Reaction.Acknowledge)]
    [InlineData("ack", Reaction.Acknowledge)]
    [InlineData("warning", Reaction.KeyEvent)]
    [InlineData("eyes::skin-tone-2", Reaction.Acknowledge)]
    public void A_reaction_means_what_the_map_configures_whatever_its_skin_tone(string name, Reaction meaning) =>
        Assert.Equal(meaning, _reactions.MeaningOf(name));

    [Theory]
    [InlineData("white_check_mark")]
    [InlineData("heavy_check_mark")]
    [InlineData("👀")]
    public void A_reaction_the_map_does_not_list_for_people_means_nothing(string name) => Assert.Null(_reactions.MeaningOf(name));

    [Fact]
    public void The_bot_confirms_with_the_configured_name() => Assert.Equal("heavy_check_mark", _reactions.NameOf(Reaction.Confirmed));
}

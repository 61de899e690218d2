using IncidentBot.Core.Messaging;

namespace IncidentBot.Core.Tests.Messaging;

public sealed class ButtonActionNamesTests
{
    [Fact]
    public void Every_action_has_a_distinct_name_that_reads_back_as_it() =>
        Assert.All(Enum.GetValues<ButtonAction>(), action => Assert.Equal(action, ButtonActionNames.Parse(ButtonActionNames.Of(action))));

    [Fact]
    public void The_names_of_buttons_already_posted_keep_their_meaning() =>
        Assert.Equal(
            ["ack", "take_command", "post_update", "resolve", "close"],
            [.. Enum.GetValues<ButtonAction>().Select(ButtonActionNames.Of)]);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Acknowledge")]
    [InlineData("ack:INC-1")]
    public void Anything_else_is_no_action(string? name) => Assert.Null(ButtonActionNames.Parse(name));
}

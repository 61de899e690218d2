using IncidentBot.Core.Postmortems;

namespace IncidentBot.Core.Tests.Postmortems;

public sealed class MentionTextTests
{
    private static MentionText Mentions { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal) { ["U03BOB"] = "bob", ["222"] = "lee" });

    [Theory]
    [InlineData("ping <@U03BOB>", "ping @bob")]
    [InlineData("ping <@222> and <@U09NEW>", "ping @lee and @U09NEW")]
    [InlineData("ping <@U09NEW|dana>", "ping @dana")]
    public void A_mention_token_reads_as_the_person_it_names(string text, string expected) => Assert.Equal(expected, Mentions.ToPlain(text));

    [Theory]
    [InlineData("<!channel> &lt; <b> <#C1|x> <@&333> <t:1776520800:t>")]
    [InlineData("a <@> b")]
    public void Text_that_is_not_a_mention_token_is_left_as_typed(string text) => Assert.Equal(text, Mentions.ToPlain(text));
}

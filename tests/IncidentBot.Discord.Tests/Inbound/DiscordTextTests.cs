using IncidentBot.Core.Policies;
using IncidentBot.Discord.Inbound;

namespace IncidentBot.Discord.Tests.Inbound;

public sealed class DiscordTextTests
{
    [Theory]
    [InlineData("ping <@222> and <@!222>", "ping <@222> and <@222>")]
    [InlineData("<@&333> <#444>", "@role #channel")]
    [InlineData("at <t:1776520800:t>", "at 2026-04-18 14:00")]
    [InlineData("<:blob:555> <a:dance:666> </incident ack:777>", ":blob: :dance: /incident ack")]
    [InlineData("<https://example.com/x>", "https://example.com/x")]
    [InlineData("<!channel> &lt; <b> <t:99999999999999>", "<!channel> &lt; <b> <t:99999999999999>")]
    public void Markup_reads_as_people_saw_it_mentions_become_tokens_and_everything_else_stays(string text, string expected) =>
        Assert.Equal(expected, new DiscordText(IncidentPolicy.Default).ToPlain(text));

    [Fact]
    public void A_timestamp_reads_in_the_configured_zone() =>
        Assert.Equal("at 2026-04-18 16:00", new DiscordText(IncidentPolicy.Default with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin") }).ToPlain("at <t:1776520800:t>"));
}

using IncidentBot.Core.Incidents;
using IncidentBot.Core.Postmortems;

namespace IncidentBot.Core.Tests.Postmortems;

public sealed class ChatTextTests
{
    private static Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal)
    {
        ["U03BOB"] = "bob",
        ["222"] = "lee",
    };

    [Theory]
    [InlineData("ping <@U03BOB>", "ping @bob")]
    [InlineData("ping <@U09NEW>", "ping @U09NEW")]
    [InlineData("ping <@U09NEW|dana>", "ping @dana")]
    [InlineData("<!channel> and <!here|here>", "@channel and @here")]
    [InlineData("<!subteam^S123|@oncall> please", "@oncall please")]
    [InlineData("see <#C123|incidents>", "see #incidents")]
    [InlineData("<https://grafana.example/d/1|the panel> and <https://x.example>", "the panel (https://grafana.example/d/1) and https://x.example")]
    [InlineData("a &lt;b&gt; &amp;amp;lt; c", "a <b> &amp;lt; c")]
    [InlineData("<!date^1776520800^{time}|14:00>", "14:00")]
    public void Slack_tokens_and_entities_read_as_people_saw_them(string text, string expected) =>
        Assert.Equal(expected, new ChatText(Platform.Slack, Names, TimeZoneInfo.Utc).ToPlain(text));

    [Theory]
    [InlineData("ping <@222> and <@!222>", "ping @lee and @lee")]
    [InlineData("<@&333> <#444>", "@role #channel")]
    [InlineData("at <t:1776520800:t>", "at 2026-04-18 14:00")]
    [InlineData("<:blob:555> <a:dance:666> </incident ack:777>", ":blob: :dance: /incident ack")]
    [InlineData("<https://example.com/x>", "https://example.com/x")]
    [InlineData("<!channel> &lt; <b>", "<!channel> &lt; <b>")]
    public void Discord_tokens_read_as_people_saw_them_and_everything_else_stays(string text, string expected) =>
        Assert.Equal(expected, new ChatText(Platform.Discord, Names, TimeZoneInfo.Utc).ToPlain(text));
}

using IncidentBot.Slack.Inbound;

namespace IncidentBot.Slack.Tests.Inbound;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("rolled back &amp; watching", "rolled back & watching")]
    [InlineData("x &lt;!channel&gt; y", "x <!channel> y")]
    [InlineData("ask <@U1|jens>", "ask @jens")]
    [InlineData("ask <@U2>", "ask @Maria")]
    [InlineData("ask <@U3>", "ask @U3")]
    [InlineData("in <#C1|incidents>", "in #incidents")]
    [InlineData("hey <!here> and <!subteam^S1|@oncall>", "hey @here and @oncall")]
    [InlineData("see <https://grafana.example.com/d/1|dashboard>", "see dashboard (https://grafana.example.com/d/1)")]
    [InlineData("see <https://example.com|example.com>", "see example.com")]
    [InlineData("see <https://example.com/?a=1&amp;b=2>", "see https://example.com/?a=1&b=2")]
    [InlineData("", "")]
    public void Thread_text_becomes_readable_plain_text(string slack, string plain)
    {
        Assert.Equal(plain, SlackText.ToPlain(slack, id => id == "U2" ? "Maria" : id));
    }

    [Theory]
    [InlineData("commander INC-4 <@U1|jens>", "commander INC-4 <@U1|jens>")]
    [InlineData("declare sev1 &lt;!channel&gt; down &amp; out", "declare sev1 <!channel> down & out")]
    [InlineData("update see <#C1|ops>", "update see #ops")]
    public void Command_text_keeps_user_mentions_for_the_grammar(string slack, string command)
    {
        Assert.Equal(command, SlackText.ForCommand(slack));
    }

    [Theory]
    [InlineData("<@U0BOT> ack", "U0BOT", "ack")]
    [InlineData("  <@U0BOT|incidentbot>   update INC-1 ok", "U0BOT", "update INC-1 ok")]
    [InlineData("<@U0OTHER> ack", "U0BOT", "<@U0OTHER> ack")]
    [InlineData("<@U0ANY> ack", null, "ack")]
    public void The_bots_own_leading_mention_is_stripped(string text, string? bot, string expected)
    {
        Assert.Equal(expected, SlackText.StripLeadingMention(text, bot));
    }

    [Theory]
    [InlineData("1355517523.000005", 1355517523, 5)]
    [InlineData("1726133700.887259", 1726133700, 887259)]
    public void Slack_ts_values_are_unix_seconds_with_microseconds(string ts, long seconds, long micros)
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(micros * 10), SlackTime.Parse(ts));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1.5")]
    public void Unreadable_ts_values_are_null(string? ts)
    {
        Assert.Null(SlackTime.Parse(ts));
    }
}

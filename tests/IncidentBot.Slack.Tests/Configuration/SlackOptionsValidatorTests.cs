using IncidentBot.Slack.Configuration;

namespace IncidentBot.Slack.Tests.Configuration;

public sealed class SlackOptionsValidatorTests
{
    private static List<string> Failures(SlackOptions options) =>
        new SlackOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void No_slack_keys_at_all_is_valid()
    {
        Assert.Empty(Failures(new SlackOptions()));
    }

    [Fact]
    public void A_complete_configuration_is_valid()
    {
        Assert.Empty(Failures(new SlackOptions
        {
            BotToken = "xoxb-1-2-abc",
            AppToken = "xapp-1-A1-2-abc",
            SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5",
            IncidentsChannel = "C0123ABCD",
        }));
    }

    [Theory]
    [InlineData("BotToken", "xoxp-user-token", "Slack__BotToken")]
    [InlineData("AppToken", "xoxb-wrong", "Slack__AppToken")]
    [InlineData("SigningSecret", " short ", "Slack__SigningSecret")]
    [InlineData("IncidentsChannel", "#incidents", "Slack__IncidentsChannel")]
    public void Each_bad_key_is_named_in_one_line(string key, string value, string named)
    {
        var options = new SlackOptions { BotToken = "xoxb-1" };
        typeof(SlackOptions).GetProperty(key)!.SetValue(options, value);

        var failure = Assert.Single(Failures(options));

        Assert.StartsWith(named, failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
    }

    [Fact]
    public void An_app_token_without_a_bot_token_names_the_missing_bot_token()
    {
        var failure = Assert.Single(Failures(new SlackOptions { AppToken = "xapp-1" }));

        Assert.StartsWith("Slack__BotToken", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_api_base_url_is_refused()
    {
        var failure = Assert.Single(Failures(new SlackOptions { ApiBaseUrl = new Uri("api/", UriKind.Relative) }));

        Assert.StartsWith("Slack__ApiBaseUrl", failure, StringComparison.Ordinal);
    }
}

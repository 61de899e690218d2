using IncidentBot.Alerts.Configuration;
using Microsoft.Extensions.Configuration;

namespace IncidentBot.Alerts.Tests.Configuration;

public sealed class OptionsValidationTests
{
    private static readonly Dictionary<string, string?> Slack = new()
    {
        ["Slack:BotToken"] = "xoxb-1",
        ["Slack:IncidentsChannel"] = "C0INCIDENTS",
        ["Alerts:Token"] = "a-long-enough-alerts-token",
    };

    [Theory]
    [InlineData("Alerts:Token", "short", "Alerts__Token: must be at least 16 characters")]
    [InlineData("Alerts:SeverityMap", "critical=SEV9", "Alerts__SeverityMap: 'critical=SEV9' is not value=SEV1|SEV2|SEV3")]
    [InlineData("Alerts:DeclareAt", "high", "Alerts__DeclareAt: 'high' is not a severity")]
    [InlineData("Alerts:Platform", "discord", "Alerts__Platform: 'discord' is not configured")]
    [InlineData("Alerts:Platform", "teams", "Alerts__Platform: 'teams' is not a platform")]
    [InlineData("Slack:IncidentsChannel", "", "Alerts__Channel: say which channel")]
    [InlineData("Discord:BotToken", "discord-token", "Alerts__Platform: both Slack and Discord are configured")]
    public void A_bad_alerts_setting_stops_start_up_naming_the_key_and_the_fix(string key, string value, string line)
    {
        var result = Validate(key, value);

        Assert.True(result.Failed);
        Assert.StartsWith(line, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_route_to_the_only_platform_its_team_and_its_incidents_channel()
    {
        Assert.True(Validate("Unrelated", "x").Succeeded);
        var (routing, _) = AlertRouting.From(new AlertsOptions(), new ConfigurationBuilder().AddInMemoryCollection(Slack).Build());
        Assert.Equal(new AlertRouting(Core.Incidents.Platform.Slack, null, "C0INCIDENTS"), routing);
    }

    [Fact]
    public void Discord_needs_a_guild_to_route_to()
    {
        var settings = new Dictionary<string, string?> { ["Discord:BotToken"] = "t", ["Discord:IncidentsChannel"] = "1", ["Alerts:Token"] = "a-long-enough-alerts-token" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var result = new AlertsOptionsValidator(configuration).Validate(null, configuration.GetSection("Alerts").Get<AlertsOptions>()!);

        Assert.StartsWith("Alerts__Workspace: set the Discord server (guild) id", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PagerDuty:ApiToken", "key", "PagerDuty__From: set the email")]
    [InlineData("PagerDuty:WebhookSecret", "one, two three", "PagerDuty__WebhookSecret: a secret must not contain spaces")]
    [InlineData("PagerDuty:SeverityMap", "P1", "PagerDuty__SeverityMap: 'P1' is not value=SEV1|SEV2|SEV3")]
    public void A_bad_pagerduty_setting_stops_start_up_naming_the_key(string key, string value, string line)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var options = configuration.GetSection("PagerDuty").Get<PagerDutyOptions>()!;

        var result = new PagerDutyOptionsValidator().Validate(null, options);

        Assert.StartsWith(line, result.FailureMessage, StringComparison.Ordinal);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(string key, string value)
    {
        var settings = new Dictionary<string, string?>(Slack) { [key] = value };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = configuration.GetSection("Alerts").Get<AlertsOptions>() ?? new AlertsOptions();
        return new AlertsOptionsValidator(configuration).Validate(null, options);
    }
}

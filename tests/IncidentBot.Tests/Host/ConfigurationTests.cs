using IncidentBot.Api;
using IncidentBot.Configuration;
using IncidentBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace IncidentBot.Tests.Host;

public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Incidents:Severities:SEV1:AckWithin", "-00:01:00", "Incidents__Severities__SEV1__AckWithin")]
    [InlineData("Incidents:Severities:SEV2:UpdateEvery", "00:00:00", "Incidents__Severities__SEV2__UpdateEvery")]
    [InlineData("Incidents:Severities:SEV3:PostmortemWithin", "-1.00:00:00", "Incidents__Severities__SEV3__PostmortemWithin")]
    [InlineData("Incidents:MonitoringWindow", "-00:30:00", "Incidents__MonitoringWindow")]
    [InlineData("Incidents:TimeZone", "Mars/Olympus_Mons", "Incidents__TimeZone")]
    public void A_bad_incidents_value_is_refused_naming_the_key(string key, string value, string named)
    {
        var options = Bind<IncidentsOptions>(IncidentsOptions.Section, key, value);

        var result = new IncidentsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has spaces in the middle of it")]
    public void A_weak_api_token_is_refused(string token)
    {
        var options = Bind<ApiOptions>(ApiOptions.Section, "Api:Token", token);

        var result = new ApiOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Api__Token", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_valid_and_are_the_runbooks_numbers()
    {
        var options = Bind<IncidentsOptions>(IncidentsOptions.Section, "Unrelated", "x");

        var policy = options.ToPolicy();

        Assert.True(new IncidentsOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromMinutes(5), policy.Sev1.AckWithin);
        Assert.Equal(TimeSpan.FromMinutes(30), policy.Sev2.UpdateEvery);
        Assert.Null(policy.Sev3.AckWithin);
        Assert.Equal(TimeSpan.FromMinutes(30), policy.MonitoringWindow);
    }

    [Fact]
    public async Task Durations_in_seconds_are_valid()
    {
        await using var bot = new BotApplication(new Dictionary<string, string?> { ["Incidents:Severities:SEV1:AckWithin"] = "00:00:04" });

        bot.Start();

        Assert.Equal(TimeSpan.FromSeconds(4), bot.Services.GetService(typeof(Core.Policies.IncidentPolicy)) is Core.Policies.IncidentPolicy p ? p.Sev1.AckWithin : null);
    }

    [Theory]
    [InlineData("Incidents__Severities__SEV1__AckWithin", "-5", "Incidents__Severities__SEV1__AckWithin")]
    [InlineData("Incidents__Severities__SEV1__AckWithin", "five minutes", "Incidents__Severities__Sev1__AckWithin")]
    public async Task The_executable_exits_with_one_line_naming_the_key(string variable, string value, string named)
    {
        var run = await BotProcess.RunAsync(new Dictionary<string, string> { [variable] = value });

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.Contains(named, line, StringComparison.OrdinalIgnoreCase);
    }

    private static T Bind<T>(string section, string key, string value)
        where T : new()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return options;
    }
}

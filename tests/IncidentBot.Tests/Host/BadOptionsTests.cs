using IncidentBot.Tests.Infrastructure;
using IncidentBot.Tests.Ops;

namespace IncidentBot.Tests.Host;

/// <summary>
/// Every options class, given a bad value, stops the real executable before anything uses it: exit code 1 and
/// one line on stderr naming the key (DESIGN.md §4), never an unhandled exception with a stack trace.
/// </summary>
public sealed class BadOptionsTests
{
    private const string SlackBotToken = "xoxb-1-2-abcdef";

    /// <summary>(section, the variable, its bad value, the key the line must name). One row per way to be wrong.</summary>
    public static TheoryData<string, string, string, string> BadValues => new()
    {
        { "Slack", "Slack__BotToken", "xoxp-a-user-token", "Slack__BotToken" },
        { "Slack", "Slack__AppToken", "xoxb-not-an-app-token", "Slack__AppToken" },
        { "Slack", "Slack__SigningSecret", "too-short", "Slack__SigningSecret" },
        { "Slack", "Slack__IncidentsChannel", "#incidents", "Slack__IncidentsChannel" },
        { "Slack", "Slack__ApiBaseUrl", "ftp://slack.example/api/", "Slack__ApiBaseUrl" },
        { "Slack", "Slack__ApiBaseUrl", "http://[::1", "Slack__ApiBaseUrl" },
        { "Api", "Api__Token", "too-short", "Api__Token" },
        { "Discord", "Discord__BotToken", "short", "Discord__BotToken" },
        { "Discord", "Discord__GatewayUrl", "https://gateway.example/", "Discord__GatewayUrl" },
        { "Storage", "Storage__ConnectionString", "Data Source=/proc/incidentbot/bot.db", "Storage__ConnectionString" },
        { "Postmortems", "Postmortems__Directory", "/proc/version", "Postmortems__Directory" },
        { "Incidents", "Incidents__MonitoringWindow", "-00:30:00", "Incidents__MonitoringWindow" },
        { "Incidents", "Incidents__Severities__SEV1__AckWithin", "five minutes", "Incidents__Severities__SEV1__AckWithin" },
        { "Incidents", "Incidents__Reactions__Acknowledge", "eyes,👀", "Incidents__Reactions__Acknowledge" },
        { "Incidents", "Incidents__Reactions__KeyEvent", "eyes", "Incidents__Reactions__KeyEvent" },
        { "Alerts", "Alerts__Token", "too-short", "Alerts__Token" },
        { "PagerDuty", "PagerDuty__SeverityMap", "P1", "PagerDuty__SeverityMap" },
        { "Dashboard", "Dashboard__SessionLifetime", "-01:00:00", "Dashboard__SessionLifetime" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_bad_value_stops_the_executable_with_one_line_naming_the_key(string section, string variable, string value, string named)
    {
        var environment = Platform(section);
        environment[variable] = value;

        var run = await BotProcess.RunAsync(environment);

        Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}; stderr:\n{run.Stderr}");
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("IncidentBot cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Two_bad_values_in_two_sections_are_both_reported_one_line_each()
    {
        var environment = Platform("Slack");
        environment["Slack__AppToken"] = "xoxb-not-an-app-token";
        environment["Api__Token"] = "too-short";

        var run = await BotProcess.RunAsync(environment);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(2, run.StderrLines.Length);
        Assert.Contains(run.StderrLines, l => l.Contains("Slack__AppToken", StringComparison.Ordinal));
        Assert.Contains(run.StderrLines, l => l.Contains("Api__Token", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_options_class_has_a_bad_value_case()
    {
        // A new options class gets the start-up check for free (the host validates every IncidentBot options type
        // before mapping endpoints); this makes sure it also gets a row above proving it through the executable.
        var covered = BadValues.Select(row => row.Data.Item1).ToHashSet(StringComparer.Ordinal);
        var uncovered = OptionsKeys.OptionsTypes().Select(t => OptionsKeys.SectionOf(t)!).Where(s => !covered.Contains(s)).ToList();

        Assert.True(uncovered.Count == 0, $"No bad-value row for section(s) {string.Join(", ", uncovered)}: add one to {nameof(BadValues)}.");
    }

    /// <summary>The rest of a configuration that would start the platform, pointed at a closed local port.</summary>
    private static Dictionary<string, string> Platform(string section) => section switch
    {
        "Slack" => new() { ["Slack__BotToken"] = SlackBotToken, ["Slack__ApiBaseUrl"] = "http://127.0.0.1:9/api/" },
        "Discord" => new()
        {
            ["Discord__BotToken"] = "MTIzNDU2Nzg5MDEyMzQ1Njc4.abcdef.ghijklmnopqrstuvwxyz",
            ["Discord__ApplicationId"] = "123456789012345678",
            ["Discord__ApiBaseUrl"] = "http://127.0.0.1:9/api/v10/",
        },
        _ => [],
    };
}

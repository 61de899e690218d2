using System.Diagnostics;
using IncidentBot.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Host;

public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Incidents:Severities:SEV1:AckWithin", "-00:01:00", "Incidents__Severities__SEV1__AckWithin")]
    [InlineData("Incidents:Severities:SEV2:UpdateEvery", "00:00:00", "Incidents__Severities__SEV2__UpdateEvery")]
    [InlineData("Incidents:MonitoringWindow", "-00:30:00", "Incidents__MonitoringWindow")]
    [InlineData("Incidents:TimeZone", "Mars/Olympus_Mons", "Incidents__TimeZone")]
    [InlineData("Api:Token", "short", "Api__Token")]
    public async Task A_bad_value_stops_start_up_naming_the_key(string key, string value, string named)
    {
        await using var bot = new BotApplication(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => bot.Start());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duration_that_is_not_a_duration_stops_start_up_naming_the_key()
    {
        await using var bot = new BotApplication(new Dictionary<string, string?> { ["Incidents:Severities:SEV1:AckWithin"] = "five minutes" });

        var error = Assert.Throws<InvalidOperationException>(() => bot.Start());

        Assert.Contains("Incidents:Severities:SEV1:AckWithin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Durations_in_seconds_are_valid()
    {
        await using var bot = new BotApplication(new Dictionary<string, string?> { ["Incidents:Severities:SEV1:AckWithin"] = "00:00:04" });

        bot.Start();
    }

    [Fact]
    public async Task The_executable_exits_with_one_line_naming_the_key()
    {
        var workingDirectory = Directory.CreateTempSubdirectory("incidentbot-config-");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory.FullName,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IncidentBot.dll"));
        start.Environment["Incidents__Severities__SEV1__AckWithin"] = "-5";
        start.Environment["Urls"] = "http://127.0.0.1:0";

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("Incidents__Severities__SEV1__AckWithin", lines[0], StringComparison.Ordinal);
        workingDirectory.Delete(recursive: true);
    }
}

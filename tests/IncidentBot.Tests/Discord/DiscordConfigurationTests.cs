using System.Diagnostics;

namespace IncidentBot.Tests.Discord;

public sealed class DiscordConfigurationTests
{
    [Theory]
    [InlineData("Discord__PublicKey", "not-hex", "Discord__PublicKey")]
    [InlineData("Discord__IncidentsChannel", "#incidents", "Discord__IncidentsChannel")]
    [InlineData("Discord__ApplicationId", "", "Discord__ApplicationId")]
    public async Task A_bad_discord_value_stops_the_executable_with_one_line_naming_the_key(string variable, string value, string named)
    {
        var workingDirectory = Directory.CreateTempSubdirectory("incidentbot-discord-config-");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory.FullName,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IncidentBot.dll"));
        start.Environment["Discord__BotToken"] = "MTIzNDU2Nzg5MDEyMzQ1Njc4.abcdef.ghijklmnopqrstuvwxyz";
        start.Environment["Discord__ApplicationId"] = "123456789012345678";
        start.Environment["Discord__ApiBaseUrl"] = "http://127.0.0.1:9/api/v10/";
        start.Environment[variable] = value;
        start.Environment["Urls"] = "http://127.0.0.1:0";

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        var line = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(named, line, StringComparison.Ordinal);
        workingDirectory.Delete(recursive: true);
    }
}

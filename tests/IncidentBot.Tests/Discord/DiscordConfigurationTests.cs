using IncidentBot.Tests.Infrastructure;

namespace IncidentBot.Tests.Discord;

public sealed class DiscordConfigurationTests
{
    [Theory]
    [InlineData("Discord__PublicKey", "not-hex", "Discord__PublicKey")]
    [InlineData("Discord__IncidentsChannel", "#incidents", "Discord__IncidentsChannel")]
    [InlineData("Discord__ApplicationId", "", "Discord__ApplicationId")]
    public async Task A_bad_discord_value_stops_the_executable_with_one_line_naming_the_key(string variable, string value, string named)
    {
        var run = await BotProcess.RunAsync(new Dictionary<string, string>
        {
            ["Discord__BotToken"] = "MTIzNDU2Nzg5MDEyMzQ1Njc4.abcdef.ghijklmnopqrstuvwxyz",
            ["Discord__ApplicationId"] = "123456789012345678",
            ["Discord__ApiBaseUrl"] = "http://127.0.0.1:9/api/v10/",
            [variable] = value,
        });

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.Contains(named, line, StringComparison.Ordinal);
    }
}

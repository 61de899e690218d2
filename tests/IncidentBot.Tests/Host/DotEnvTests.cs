using IncidentBot.Configuration;
using Microsoft.Extensions.Configuration;

namespace IncidentBot.Tests.Host;

public sealed class DotEnvTests
{
    [Fact]
    public void Keys_values_quotes_and_comments_are_read()
    {
        var path = Write("""
            # a comment
            Slack__BotToken=xoxb-1
            export Api__Token="quoted value"
            Incidents__TimeZone='Europe/Berlin'
            Incidents__MonitoringWindow=00:10:00 # ten minutes

            not a line
            """);

        var values = DotEnvFile.Read(path);

        Assert.Equal("xoxb-1", values["Slack:BotToken"]);
        Assert.Equal("quoted value", values["Api:Token"]);
        Assert.Equal("Europe/Berlin", values["Incidents:TimeZone"]);
        Assert.Equal("00:10:00", values["Incidents:MonitoringWindow"]);
        Assert.Equal(4, values.Count);
    }

    [Fact]
    public void A_real_environment_variable_wins_over_the_file()
    {
        var section = $"IncidentBotTest{Guid.NewGuid():N}";
        var path = Write($"{section}__Key=from-file\n{section}__Other=file-only\n");
        Environment.SetEnvironmentVariable($"{section}__Key", "from-env");
        try
        {
            var builder = new ConfigurationBuilder().AddEnvironmentVariables();
            builder.AddDotEnv(path);
            var built = builder.Build();

            Assert.Equal("from-env", built[$"{section}:Key"]);
            Assert.Equal("file-only", built[$"{section}:Other"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable($"{section}__Key", null);
        }
    }

    [Fact]
    public void A_missing_file_adds_nothing()
    {
        var builder = new ConfigurationBuilder().AddEnvironmentVariables();

        builder.AddDotEnv(Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.env"));

        Assert.Single(builder.Sources);
    }

    private static string Write(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.env");
        File.WriteAllText(path, content);
        return path;
    }
}

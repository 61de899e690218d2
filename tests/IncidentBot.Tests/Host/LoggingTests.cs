using IncidentBot.Configuration;
using IncidentBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Host;

/// <summary>What the host logs at Information (appsettings.json): the bot's own lines, not every input, HTTP call and retry attempt.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task Per_call_and_per_attempt_framework_lines_are_off_by_default_and_the_bots_own_are_on()
    {
        await using var bot = new BotApplication().Start();
        var loggers = bot.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger("System.Net.Http.HttpClient.IncidentBot.Slack.ClientHandler").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Polly").IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger("Polly").IsEnabled(LogLevel.Error));
        Assert.True(loggers.CreateLogger("IncidentBot.Outbox.OutboxDispatcher").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("IncidentBot.Inbound.SignallingInboundHandler").IsEnabled(LogLevel.Debug));
        Assert.True(loggers.CreateLogger("IncidentBot.Inbound.SignallingInboundHandler").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public async Task The_line_per_input_is_one_setting_away()
    {
        await using var bot = new BotApplication(new Dictionary<string, string?> { ["Logging:LogLevel:IncidentBot.Inbound"] = "Debug" }).Start();

        Assert.True(bot.Services.GetRequiredService<ILoggerFactory>().CreateLogger("IncidentBot.Inbound.SignallingInboundHandler").IsEnabled(LogLevel.Debug));
    }

    [Fact]
    public void The_defaults_ship_beside_the_binary_so_dotnet_run_from_the_repository_root_reads_them()
    {
        var shipped = new ConfigurationBuilder().AddShippedSettings().Build();

        Assert.Equal("Information", shipped["Logging:LogLevel:Default"]);
        Assert.Equal("Information", shipped["Logging:LogLevel:IncidentBot.Inbound"]);
        Assert.Equal("Warning", shipped["Logging:LogLevel:Microsoft.AspNetCore"]);
    }

    [Fact]
    public async Task An_operator_can_turn_a_quiet_category_back_up()
    {
        await using var bot = new BotApplication(new Dictionary<string, string?> { ["Logging:LogLevel:Polly"] = "Information" }).Start();

        Assert.True(bot.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Polly").IsEnabled(LogLevel.Information));
    }
}

using System.Reflection;

namespace IncidentBot.Hosting;

/// <summary>
/// Says at start-up which version runs and what is switched on — and, for what is off, which keys would turn
/// it on, so a newcomer with no configuration knows the next step. Never logs a secret's value.
/// </summary>
internal sealed partial class StartupReport(IConfiguration configuration, ILogger<StartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var version = Version();
        LogVersion(logger, version);
        if (Has("Slack:BotToken"))
        {
            LogPlatformOn(logger, "Slack", Has("Slack:AppToken") ? "Socket Mode" : Has("Slack:SigningSecret") ? "HTTP (Events API)" : "outbound only: set Slack__SigningSecret or Slack__AppToken to receive commands");
        }
        else
        {
            LogPlatformOff(logger, "Slack", "Slack__BotToken plus Slack__AppToken (Socket Mode, no public URL) or Slack__SigningSecret (HTTP)");
        }

        if (Has("Discord:BotToken"))
        {
            LogPlatformOn(logger, "Discord", Has("Discord:PublicKey") ? "gateway + HTTP interactions" : "gateway");
        }
        else
        {
            LogPlatformOff(logger, "Discord", "Discord__BotToken and Discord__ApplicationId (plus Discord__IncidentsChannel)");
        }

        if (!Has("Api:Token"))
        {
            LogApiOff(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The informational version carries the git commit (<c>1.0.0+abc123</c>) when built from a checkout or with SourceRevisionId.</summary>
    internal static string Version() =>
        typeof(StartupReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private bool Has(string key) => !string.IsNullOrWhiteSpace(configuration[key]);

    [LoggerMessage(Level = LogLevel.Information, Message = "IncidentBot {Version} starting")]
    private static partial void LogVersion(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Platform} is on: {Mode}")]
    private static partial void LogPlatformOn(ILogger logger, string platform, string mode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} is off. To enable it, set {Keys} (see .env.example and the README)")]
    private static partial void LogPlatformOff(ILogger logger, string platform, string keys);

    [LoggerMessage(Level = LogLevel.Information, Message = "The /api endpoints are off; set Api__Token to enable them")]
    private static partial void LogApiOff(ILogger logger);
}

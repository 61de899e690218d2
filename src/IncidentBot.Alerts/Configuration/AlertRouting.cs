using IncidentBot.Core.Alerts;
using IncidentBot.Core.Incidents;
using Microsoft.Extensions.Configuration;

namespace IncidentBot.Alerts.Configuration;

/// <summary>
/// Where alerts' and pages' incidents go: <c>Alerts__Platform</c>, <c>Alerts__Workspace</c>, <c>Alerts__Channel</c>,
/// each defaulting to the only configured platform, the workspace that platform serves, and its incidents channel.
/// </summary>
internal sealed record AlertRouting(Platform Platform, string? Workspace, string Channel)
{
    /// <summary>The routing, or the one line that says which key to set.</summary>
    public static (AlertRouting? Routing, string? Problem) From(AlertsOptions options, IConfiguration configuration)
    {
        var slack = !string.IsNullOrWhiteSpace(configuration["Slack:BotToken"]);
        var discord = !string.IsNullOrWhiteSpace(configuration["Discord:BotToken"]);
        Platform platform;
        switch (options.Platform?.Trim().ToLowerInvariant())
        {
            case "slack" when slack:
                platform = Platform.Slack;
                break;
            case "discord" when discord:
                platform = Platform.Discord;
                break;
            case "slack" or "discord":
                return (null, $"Alerts__Platform: '{options.Platform}' is not configured; set its bot token or choose the other platform.");
            case null or "":
                if (slack == discord)
                {
                    return (null, slack
                        ? "Alerts__Platform: both Slack and Discord are configured; say which one alert incidents go to (slack or discord)."
                        : "Alerts__Platform: alerts need a chat platform; configure Slack (Slack__BotToken) or Discord (Discord__BotToken).");
                }

                platform = slack ? Platform.Slack : Platform.Discord;
                break;
            default:
                return (null, $"Alerts__Platform: '{options.Platform}' is not a platform; use slack or discord.");
        }

        var key = platform == Platform.Slack ? "Slack" : "Discord";
        var channel = Clean(options.Channel) ?? Clean(configuration[$"{key}:IncidentsChannel"]);
        if (channel is null)
        {
            return (null, $"Alerts__Channel: say which channel alert incidents go to (or set {key}__IncidentsChannel).");
        }

        var workspace = Clean(options.Workspace) ?? (platform == Platform.Discord ? Clean(configuration["Discord:GuildId"]) : null);
        if (workspace is null && platform == Platform.Discord)
        {
            return (null, "Alerts__Workspace: set the Discord server (guild) id alert incidents belong to, or set Discord__GuildId.");
        }

        return (new AlertRouting(platform, workspace, channel), null);
    }

    /// <summary>The workspace to use now: the configured one, else the one the platform adapter serves (null while unknown).</summary>
    public WorkspaceId? Resolve(IEnumerable<IPlatformWorkspace> platforms)
    {
        var id = Workspace ?? platforms.FirstOrDefault(p => p.Platform == Platform)?.WorkspaceId;
        return id is null ? null : new WorkspaceId(Platform, id);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

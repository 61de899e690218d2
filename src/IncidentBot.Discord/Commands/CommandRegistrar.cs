using System.Text.Json.Nodes;
using IncidentBot.Core.Messaging;
using IncidentBot.Discord.Configuration;
using IncidentBot.Discord.Diagnostics;
using IncidentBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Discord.Commands;

/// <summary>
/// Registers <c>/incident</c> at start-up by bulk overwrite (https://docs.discord.com/developers/interactions/application-commands#bulk-overwrite-global-application-commands):
/// in <c>Discord:GuildId</c> when set (instant), globally otherwise. A PUT of the same list changes nothing,
/// so every start may do it. It runs beside start-up, not before it: Discord being down must not keep the bot
/// from starting, so a transient failure is retried with backoff.
/// </summary>
internal sealed class CommandRegistrar(DiscordRestClient rest, IOptions<DiscordOptions> options, TimeProvider time, ILogger<CommandRegistrar> logger)
    : BackgroundService
{
    private const int Attempts = 6;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var commands = new JsonArray(CommandManifest.Load());
        var scope = options.Value.GuildId is { Length: > 0 } guild ? $"guild {guild}" : "globally";
        var wait = TimeSpan.FromSeconds(5);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                await rest.OverwriteCommandsAsync(commands, stoppingToken);
                DiscordLog.CommandsRegistered(logger, scope);
                return;
            }
            catch (PlatformUnavailableException e) when (attempt < Attempts)
            {
                DiscordLog.CommandsRetry(logger, e.Message, (e.RetryAfter ?? wait).TotalSeconds);
                await Task.Delay(e.RetryAfter ?? wait, time, stoppingToken);
                wait *= 2;
            }
            catch (Exception e) when (e is PlatformUnavailableException or DiscordApiException)
            {
                DiscordLog.CommandsFailed(logger, scope, e.Message);
                return;
            }
        }
    }
}

using System.Text.Json;
using IncidentBot.Core.CatchUp;
using IncidentBot.Core.Diagnostics;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;
using IncidentBot.Discord.Diagnostics;
using IncidentBot.Discord.Inbound;
using IncidentBot.Discord.Rest;
using IncidentBot.Discord.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Discord.Gateway;

/// <summary>
/// Handles the gateway's events in order: interactions are answered through the callback endpoint (gateway
/// interactions must be answered over HTTP), other dispatches are mapped and handed to Core. Thread messages are
/// the exception that makes a busy thread keep up: a run of them is handed to Core together (up to
/// <see cref="MessageWindow"/>), so they share group commits instead of each waiting for its own; they depend on
/// nothing but each other's order, which the timeline keeps by the message's time. Any other event waits until the
/// messages before it are recorded (a reaction or an edit needs its message). A failure is logged and the next event
/// goes on; it never stops the gateway.
/// </summary>
internal sealed class GatewayEventProcessor(
    IServiceScopeFactory scopes,
    DiscordInteractionHandler interactions,
    DiscordRestClient rest,
    DiscordEventMapper.Reading reading,
    PlatformMetrics metrics,
    TimeProvider time,
    ILogger<GatewayEventProcessor> logger)
{
    /// <summary>Thread messages handed to Core at once: a group commit's worth, without holding a burst in memory.</summary>
    public const int MessageWindow = 256;

    private readonly List<Task> _messages = [];

    public async Task ProcessAsync(GatewayWork work, CancellationToken cancellationToken)
    {
        try
        {
            if (work is DispatchWork { Type: "MESSAGE_CREATE" } message)
            {
                var mapped = DiscordEventMapper.Map(message.Type, message.Data, message.Position, BotUserId, reading, time.GetUtcNow()).ToList();
                if (mapped.TrueForAll(i => i is ThreadMessagePosted))
                {
                    _messages.AddRange(mapped.Select(i => HandleLoggedAsync(i, cancellationToken)));
                    if (_messages.Count >= MessageWindow)
                    {
                        await MessagesRecordedAsync();
                    }

                    return;
                }
            }

            await MessagesRecordedAsync();
            switch (work)
            {
                case DispatchWork { Type: "INTERACTION_CREATE" } dispatch:
                    await InteractionAsync(dispatch.Data, cancellationToken);
                    break;
                case DispatchWork dispatch:
                    foreach (var inbound in DiscordEventMapper.Map(dispatch.Type, dispatch.Data, dispatch.Position, BotUserId, reading, time.GetUtcNow()))
                    {
                        await HandleAsync(inbound, cancellationToken);
                    }

                    break;
                case BackfillWork backfill:
                    BotUserId = backfill.BotUserId;
                    await BackfillAsync(backfill.BotUserId, cancellationToken);
                    break;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            DiscordLog.EventFailed(logger, work.GetType().Name, e);
        }
    }

    /// <summary>The bot's own user id, from READY: its messages and reactions are not recorded.</summary>
    public string? BotUserId { get; private set; }

    private async Task InteractionAsync(JsonElement data, CancellationToken cancellationToken)
    {
        var interaction = data.Deserialize(DiscordJsonContext.Default.Interaction);
        if (interaction is not { Id.Length: > 0, Token.Length: > 0 })
        {
            metrics.Inbound(Platform.Discord, InboundSources.Gateway, "invalid");
            return;
        }

        var reply = await interactions.HandleAsync(interaction, InboundSources.Gateway, cancellationToken);
        try
        {
            await rest.RespondAsync(interaction.Id, interaction.Token, reply.Response, reply.File, cancellationToken);
        }
        catch (DiscordApiException e) when (e.Code is 40060 or 10062)
        {
            // Already answered (a replayed event) or expired: there is nothing left to say.
            DiscordLog.InteractionNotAnswered(logger, interaction.Id, e.Message);
            return;
        }

        if (reply.FollowUp is { } followUp)
        {
            await rest.FollowUpAsync(interaction.Token, followUp, cancellationToken);
        }
    }

    /// <summary>Waits for the thread messages handed to Core so far (each logs its own failure).</summary>
    private async Task MessagesRecordedAsync()
    {
        if (_messages.Count > 0)
        {
            await Task.WhenAll(_messages);
            _messages.Clear();
        }
    }

    private async Task HandleLoggedAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        try
        {
            await HandleAsync(inbound, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            DiscordLog.EventFailed(logger, nameof(ThreadMessagePosted), e);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the message is not recorded, and the next session's catch-up reads it back.
        }
    }

    private async Task HandleAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IInboundHandler>()
            .HandleAsync(inbound with { Context = inbound.Context with { Source = InboundSources.Gateway } }, cancellationToken);
    }

    /// <summary>
    /// What was said while no session was open (the bot was down, or a session could not be resumed) is never
    /// replayed by Discord: read back what Core's <see cref="CatchUpRule"/> asks for. Core's message-id keys drop
    /// the ones it has.
    /// </summary>
    private async Task BackfillAsync(string botUserId, CancellationToken cancellationToken)
    {
        IReadOnlyList<CatchUpRead> reads;
        await using (var scope = scopes.CreateAsyncScope())
        {
            if (scope.ServiceProvider.GetService<IIncidentReader>() is not { } store)
            {
                return;
            }

            reads = await CatchUpRule.PlanAsync(store, Core.Incidents.Platform.Discord, cancellationToken);
        }

        foreach (var read in reads)
        {
            var incident = read.Incident;
            try
            {
                await foreach (var message in rest.GetMessagesAfterAsync(read.ThreadId, read.AfterMessageId, cancellationToken))
                {
                    if (DiscordEventMapper.FromHistory(message, incident.Workspace.Id, botUserId, reading.Text) is { } inbound)
                    {
                        await HandleAsync(inbound, cancellationToken);
                    }
                }
            }
            catch (Exception e) when (e is PlatformUnavailableException or DiscordApiException)
            {
                DiscordLog.BackfillFailed(logger, incident.Id.ToString(), e.Message);
            }

            if (read.Acknowledgements)
            {
                await BackfillAcknowledgementsAsync(incident, incident.RootMessageId!, botUserId, cancellationToken);
            }
        }
    }

    /// <summary>
    /// An acknowledging reaction put on the status doc while no session was open is not replayed either: read who
    /// reacted and hand each on as a reaction added. A custom emoji cannot be asked for by name alone (Discord wants its
    /// id), so only the standard ones are read back. The key names the reaction, not an event, so reading it again after the
    /// next new session is a duplicate; one already handled live changes nothing in Core.
    /// </summary>
    private async Task BackfillAcknowledgementsAsync(Incident incident, string root, string botUserId, CancellationToken cancellationToken)
    {
        foreach (var emoji in reading.Reactions.AcknowledgeCharacters)
        {
            IReadOnlyList<DiscordUser> users;
            try
            {
                users = await rest.GetReactionUsersAsync(incident.ChannelId, root, emoji, cancellationToken);
            }
            catch (Exception e) when (e is PlatformUnavailableException or DiscordApiException)
            {
                DiscordLog.BackfillFailed(logger, incident.Id.ToString(), e.Message);
                return;
            }

            foreach (var user in users.Where(u => u.Id.Length > 0 && u.Id != botUserId && u.Bot != true))
            {
                var context = new InboundContext(incident.Workspace, incident.ChannelId, null,
                    new UserRef(user.Id, user.GlobalName ?? user.Username ?? user.Id), time.GetUtcNow(), $"reaction:seen:{root}:{emoji}:{user.Id}");
                await HandleAsync(new ReactionAdded(context, root, Reaction.Acknowledge), cancellationToken);
            }
        }
    }
}

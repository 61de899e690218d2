using IncidentBot.Core.CatchUp;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;
using IncidentBot.Slack.Api;
using IncidentBot.Slack.Configuration;
using IncidentBot.Slack.Diagnostics;
using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.Outbound;
using IncidentBot.Slack.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack.Background;

/// <summary>
/// Runs <see cref="SlackBackgroundWork"/> one item at a time. At start-up it learns the bot's identity with
/// <c>auth.test</c> (retrying with backoff on the injected clock while Slack cannot be reached), checks the
/// configured incidents channel with <c>conversations.info</c>, and catches up on missed thread replies and
/// reactions (an acknowledging reaction on the status doc made while the bot was away still acknowledges).
/// </summary>
internal sealed class SlackBackgroundWorker(
    SlackBackgroundQueue queue,
    SlackApiClient api,
    SlackBotIdentity identity,
    SlackUserDirectory users,
    SlackEscalation escalation,
    SlackInboundProcessor processor,
    IServiceScopeFactory scopes,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackBackgroundWorker> logger) : BackgroundService
{
    /// <summary>The longest wait between two <c>auth.test</c> attempts while Slack cannot be reached.</summary>
    public static readonly TimeSpan MaxIdentifyDelay = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var identify = IdentifyAsync(stoppingToken);
        try
        {
            await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await RunAsync(work, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        await identify;
    }

    private async Task IdentifyAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(5);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var me = await api.AuthTestAsync(stoppingToken);
                identity.Set(me.UserId, me.BotId, me.TeamId);
                logger.Identified(me.UserId, me.BotId, me.TeamId);
                await CheckIncidentsChannelAsync(stoppingToken);
                queue.Enqueue(new CatchUpThreads());
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.AuthTestFailed(e.Message, delay);
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = delay * 2 > MaxIdentifyDelay ? MaxIdentifyDelay : delay * 2;
        }
    }

    private async Task RunAsync(SlackBackgroundWork work, CancellationToken cancellationToken)
    {
        try
        {
            switch (work)
            {
                case OpenView open:
                    await api.OpenViewAsync(open.TriggerId, open.View, cancellationToken);
                    break;
                case PostEphemeral post:
                    var context = new SlackRenderContext(escalation.Markup, post.Channel, null);
                    await api.PostEphemeralAsync(post.Channel, post.User, post.ThreadTs,
                        BlockKitRenderer.Message(post.Content, null, context), cancellationToken);
                    break;
                case RespondToUrl respond:
                    var body = BlockKitRenderer.Message(respond.Content, null, new SlackRenderContext(escalation.Markup, respond.Channel, null));
                    await api.RespondAsync(respond.ResponseUrl, SlackChatPlatform.ResponseUrlMessage(body), cancellationToken);
                    break;
                case LookUpUser lookUp:
                    await LookUpAsync(lookUp.UserId, cancellationToken);
                    break;
                case CatchUpThreads:
                    await CatchUpAsync(cancellationToken);
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One failed side job (a modal, a name, a catch-up read) must not stop the ones behind it.
            logger.BackgroundFailed(e, work.GetType().Name);
        }
    }

    /// <summary>A wrong or archived incidents channel is found at start-up, not at the first SEV1.</summary>
    private async Task CheckIncidentsChannelAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IncidentsChannel is not { Length: > 0 } channel)
        {
            return;
        }

        try
        {
            var info = await api.ConversationInfoAsync(channel, cancellationToken);
            if (info.IsArchived)
            {
                logger.IncidentsChannelProblem(channel, "is archived");
            }
        }
        catch (SlackApiException e)
        {
            logger.IncidentsChannelProblem(channel, $"cannot be read ({e.Error}); invite the bot to it");
        }
        catch (PlatformUnavailableException e)
        {
            logger.IncidentsChannelProblem(channel, $"could not be checked ({e.Message})");
        }
    }

    /// <summary>
    /// Reads back what Core's <see cref="CatchUpRule"/> asks for: the thread after the newest recorded message, and
    /// the status doc's reactions (the thread's parent, listed first by a read from the start). Reactions go after
    /// the messages, so a key-event reaction finds its timeline entry.
    /// </summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<CatchUpRead> reads;
        await using (var scope = scopes.CreateAsyncScope())
        {
            if (scope.ServiceProvider.GetService<IIncidentReader>() is not { } store)
            {
                return;
            }

            reads = await CatchUpRule.PlanAsync(store, Platform.Slack, cancellationToken);
        }

        foreach (var read in reads)
        {
            var (incident, thread) = (read.Incident, read.ThreadId);
            var after = read.AfterMessageId == thread ? null : read.AfterMessageId;
            var said = (await api.RepliesAsync(incident.ChannelId, thread, after, cancellationToken)).ToList();
            foreach (var message in said.Where(m => m.Ts != thread))
            {
                await processor.CatchUpAsync(incident.Workspace, incident.ChannelId, thread, message, cancellationToken);
            }

            if (read.Acknowledgements && said.All(m => m.Ts != thread))
            {
                said.InsertRange(0, (await api.RepliesAsync(incident.ChannelId, thread, null, cancellationToken)).Where(m => m.Ts == thread));
            }

            foreach (var message in said.Where(m => m.Reactions is { Count: > 0 } && (m.Ts != thread || read.Acknowledgements)))
            {
                await processor.CatchUpReactionsAsync(incident.Workspace, incident.ChannelId, message, cancellationToken);
            }
        }
    }

    private async Task LookUpAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            var user = await api.UserInfoAsync(userId, cancellationToken);
            var name = new[] { user.Profile?.DisplayName, user.Profile?.RealName, user.RealName, user.Name }
                .FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
            if (name is not null)
            {
                users.Store(userId, name);
            }
        }
        catch (Exception e) when (e is SlackApiException or PlatformUnavailableException or PlatformRejectedException)
        {
            users.Forget(userId);
            throw;
        }
    }
}

using IncidentBot.Core.Messaging;
using IncidentBot.Slack.Api;
using IncidentBot.Slack.Diagnostics;
using IncidentBot.Slack.Outbound;
using IncidentBot.Slack.Rendering;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Slack.Background;

/// <summary>
/// Runs <see cref="SlackBackgroundWork"/> one item at a time, and learns the bot's identity with
/// <c>auth.test</c> at start-up (retrying with backoff on the injected clock while Slack cannot be reached).
/// </summary>
internal sealed class SlackBackgroundWorker(
    SlackBackgroundQueue queue,
    SlackApiClient api,
    SlackBotIdentity identity,
    SlackUserDirectory users,
    SlackEscalation escalation,
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
                identity.Set(me.UserId, me.BotId);
                logger.Identified(me.UserId, me.BotId, me.TeamId);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is SlackApiException or PlatformUnavailableException or PlatformRejectedException)
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
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is SlackApiException or PlatformUnavailableException or PlatformRejectedException)
        {
            logger.BackgroundFailed(e, work.GetType().Name);
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

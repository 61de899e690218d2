using System.Collections.Concurrent;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.StatusDocs;
using IncidentBot.Slack.Api;
using IncidentBot.Slack.Diagnostics;
using IncidentBot.Slack.Reactions;
using IncidentBot.Slack.Rendering;
using IncidentBot.Slack.Wire;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Slack.Outbound;

/// <summary>
/// The outbound port for Slack, called only by the host's outbox dispatcher. The status doc is the root
/// message (edited in place with <c>chat.update</c>); the thread is the root's <c>ts</c>; Slack's transient
/// errors become <see cref="PlatformUnavailableException"/> and the rest <see cref="PlatformRejectedException"/>.
/// <c>chat.postMessage</c> has no idempotency key and is not retried blindly (a 5xx may still have posted); each
/// post carries its outbox delivery key as message metadata instead, and a retried delivery first looks for a
/// message with that key, so a post whose answer was lost is not made twice.
/// </summary>
internal sealed class SlackChatPlatform(SlackApiClient api, SlackEscalation escalation, SlackReactions reactions, ILogger<SlackChatPlatform> logger) : IChatPlatform
{
    /// <summary>Permalinks never change; a few hundred open incidents fit, older ones are simply looked up again.</summary>
    private const int MaxPermalinks = 1000;

    private readonly ConcurrentDictionary<string, string> _permalinks = new(StringComparer.Ordinal);

    /// <summary>How far before the queueing a retry looks for its earlier attempt: room for clock skew with Slack.</summary>
    private static TimeSpan LookBack => TimeSpan.FromMinutes(5);

    public Platform Platform => Platform.Slack;

    public Task<RootMessageRef> PostRootAsync(Incident incident, StatusDoc doc, Delivery delivery, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            if (await EarlierAttemptAsync(incident.ChannelId, null, delivery, cancellationToken) is { } earlier)
            {
                return new RootMessageRef(earlier);
            }

            var posted = await api.PostMessageAsync(incident.ChannelId, null, BlockKitRenderer.StatusDoc(doc), delivery.Key, cancellationToken);
            return new RootMessageRef(posted.Ts ?? throw new PlatformRejectedException("chat.postMessage returned no ts."));
        });

    /// <summary>Slack threads hang off the root message: the thread id is the root's <c>ts</c>, no call needed.</summary>
    public Task<string> OpenThreadAsync(Incident incident, CancellationToken cancellationToken) =>
        incident.RootMessageId is { } root
            ? Task.FromResult(root)
            : throw new PlatformUnavailableException($"{incident.Id} has no root message yet.");

    public Task EditRootAsync(Incident incident, StatusDoc doc, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var root = RootOf(incident);
            await api.UpdateMessageAsync(incident.ChannelId, root, BlockKitRenderer.StatusDoc(doc), cancellationToken);
            return true;
        });

    public Task PostInThreadAsync(Incident incident, MessageContent content, Delivery delivery, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var thread = incident.ThreadId ?? RootOf(incident);
            if (await EarlierAttemptAsync(incident.ChannelId, thread, delivery, cancellationToken) is not null)
            {
                return true;
            }

            var context = await ContextAsync(incident, content, cancellationToken);
            var body = BlockKitRenderer.Message(content, incident.Id, context);
            await api.PostMessageAsync(incident.ChannelId, thread, body, delivery.Key, cancellationToken);
            return true;
        });

    /// <summary>
    /// The upload flow ends in <c>files.completeUploadExternal</c>, which takes no metadata: a retried upload is
    /// not looked up first. A repeat shares the same draft once more, which loses nothing.
    /// </summary>
    public Task UploadFileAsync(Incident incident, UploadFile file, Delivery delivery, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var context = await ContextAsync(incident, file.Comment, cancellationToken);
            var comment = SlackMrkdwn.Render(file.Comment.Inlines, context);
            await api.UploadFileAsync(incident.ChannelId, incident.ThreadId ?? RootOf(incident), file.FileName, file.Title,
                file.Content, comment, cancellationToken);
            return true;
        });

    public Task AddReactionAsync(Incident incident, string messageId, Reaction reaction, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await api.AddReactionAsync(incident.ChannelId, messageId, reactions.NameOf(reaction), cancellationToken);
            return true;
        });

    public Task ReplyAsync(Incident incident, string replyHandle, MessageContent content, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var context = await ContextAsync(incident, content, cancellationToken);
            var body = BlockKitRenderer.Message(content, incident.Id, context);
            if (SlackReplyHandle.TryParse(replyHandle, out var ephemeral))
            {
                await api.PostEphemeralAsync(ephemeral.Channel, ephemeral.User, ephemeral.ThreadTs, body, cancellationToken);
                return true;
            }

            if (!Uri.TryCreate(replyHandle, UriKind.Absolute, out var responseUrl) || responseUrl.Scheme is not ("https" or "http"))
            {
                throw new PlatformRejectedException("The reply handle is neither a response_url nor an ephemeral target.");
            }

            await api.RespondAsync(responseUrl, ResponseUrlMessage(body), cancellationToken);
            return true;
        });

    /// <summary>A private follow-up through <c>response_url</c> that leaves the original message alone.</summary>
    internal static ResponseUrlMessage ResponseUrlMessage(SlackMessageBody body) => new() { Text = body.Text, Blocks = body.Blocks };

    private static string RootOf(Incident incident) =>
        incident.RootMessageId ?? throw new PlatformUnavailableException($"{incident.Id} has no root message yet.");

    private async Task<SlackRenderContext> ContextAsync(Incident incident, MessageContent content, CancellationToken cancellationToken)
    {
        string? permalink = null;
        if (incident.RootMessageId is { } root && content.Inlines.Any(i => i is ThreadLink))
        {
            var key = $"{incident.ChannelId}:{root}";
            if (!_permalinks.TryGetValue(key, out permalink))
            {
                permalink = await api.GetPermalinkAsync(incident.ChannelId, root, cancellationToken);
                if (_permalinks.Count >= MaxPermalinks)
                {
                    _permalinks.Clear();
                }

                _permalinks[key] = permalink;
            }
        }

        return new SlackRenderContext(escalation.Markup, incident.ChannelId, permalink);
    }

    /// <summary>
    /// On a retry only: the <c>ts</c> of the message an earlier attempt of this delivery posted, if it did. A read
    /// Slack refuses (the bot posts to a channel it is not a member of, with <c>chat:write.public</c>, and cannot read
    /// it) must not stop the message: it is posted again, as it was before there was a look-up.
    /// </summary>
    private async Task<string?> EarlierAttemptAsync(string channel, string? thread, Delivery delivery, CancellationToken cancellationToken)
    {
        if (!delivery.IsRetry)
        {
            return null;
        }

        try
        {
            return await api.FindDeliveredAsync(channel, thread, delivery.Key, delivery.QueuedAt - LookBack, cancellationToken);
        }
        catch (SlackApiException e) when (!e.IsTransient)
        {
            logger.LookupFailed(delivery.Key, channel, e.Error);
            return null;
        }
    }

    private static async Task<T> GuardAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (SlackApiException e) when (e.IsTransient)
        {
            throw new PlatformUnavailableException(e.Message, e);
        }
        catch (SlackApiException e)
        {
            throw new PlatformRejectedException(e.Message, e);
        }
    }
}

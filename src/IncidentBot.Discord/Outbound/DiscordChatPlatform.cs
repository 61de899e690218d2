using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.StatusDocs;
using IncidentBot.Discord.Reactions;
using IncidentBot.Discord.Rendering;
using IncidentBot.Discord.Rest;
using IncidentBot.Discord.Wire;

namespace IncidentBot.Discord.Outbound;

/// <summary>
/// Delivers the outbox's intents to Discord. The root message is the status doc (an embed with buttons) in the
/// incidents channel; the thread is a public thread started from it (its id is the root message's id); thread
/// posts are split at Discord's 2000-character limit or, when very long, attached. Every message is sent with
/// <c>allowed_mentions.parse = []</c> plus exactly the users and roles it means to ping, and with a nonce derived
/// from the outbox delivery and the part, so an outbox retry of a message (or of a split message's remaining
/// parts) within Discord's nonce window returns what was already posted instead of posting it again.
/// </summary>
internal sealed class DiscordChatPlatform(DiscordRestClient rest, DiscordMessageRenderer renderer, DiscordReactions reactions) : IChatPlatform
{
    /// <summary>A week: incidents can go quiet for more than a day without the thread archiving.</summary>
    private const int AutoArchiveMinutes = 10080;

    public Core.Incidents.Platform Platform => Core.Incidents.Platform.Discord;

    public async Task<RootMessageRef> PostRootAsync(Incident incident, StatusDoc doc, Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(delivery);
        var message = await Call(() => rest.CreateMessageAsync(incident.ChannelId, StatusDocRenderer.Render(doc), Nonce(delivery, 0), cancellationToken));
        return new RootMessageRef(message.Id);
    }

    public async Task<string> OpenThreadAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var root = incident.RootMessageId ?? throw new PlatformUnavailableException($"{incident.Id} has no root message yet.");
        var name = Truncate(incident.Label, DiscordLimits.ThreadName);
        try
        {
            var thread = await rest.StartThreadAsync(incident.ChannelId, root, new StartThreadRequest(name, AutoArchiveMinutes), cancellationToken);
            return thread.Id;
        }
        catch (DiscordApiException e) when (e.Code == 160004)
        {
            // "A thread has already been created for this message": an earlier attempt went through, and a
            // thread started from a message has that message's id.
            return root;
        }
        catch (DiscordApiException e)
        {
            throw new PlatformRejectedException(e.Message, e);
        }
    }

    public async Task EditRootAsync(Incident incident, StatusDoc doc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var root = incident.RootMessageId ?? throw new PlatformUnavailableException($"{incident.Id} has no root message yet.");
        await Call(() => rest.EditMessageAsync(incident.ChannelId, root, StatusDocRenderer.Render(doc), cancellationToken));
    }

    public async Task PostInThreadAsync(Incident incident, MessageContent content, Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(delivery);
        var thread = Thread(incident);
        var parts = renderer.Render(content, incident);
        var buttons = DiscordMessageRenderer.Buttons(content.Buttons, incident.Id);
        if (parts.Count > DiscordLimits.MaxSplitMessages)
        {
            var head = TextCutter.Shorten(parts[0].Content, DiscordLimits.Content, "\n… the full message is attached.");
            var payload = new MessagePayload
            {
                Content = head,
                AllowedMentions = DiscordMessageRenderer.Mentions(parts[0]),
                Components = buttons,
            };
            var file = Encoding.UTF8.GetBytes(renderer.RenderWhole(content, incident));
            await Call(() => rest.CreateMessageWithFileAsync(thread, payload, "message.md", file, Nonce(delivery, 0), cancellationToken));
            return;
        }

        for (var i = 0; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1;
            var payload = new MessagePayload
            {
                Content = parts[i].Content,
                AllowedMentions = DiscordMessageRenderer.Mentions(parts[i]),
                Components = last ? buttons : null,
            };
            var part = i;
            await Call(() => rest.CreateMessageAsync(thread, payload, Nonce(delivery, part), cancellationToken));
        }
    }

    public async Task UploadFileAsync(Incident incident, UploadFile file, Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(delivery);
        var comment = renderer.Render(file.Comment, incident);
        var payload = new MessagePayload
        {
            Content = TextCutter.Shorten(comment[0].Content, DiscordLimits.Content, "…"),
            AllowedMentions = DiscordMessageRenderer.Mentions(comment[0]),
        };
        await Call(() => rest.CreateMessageWithFileAsync(Thread(incident), payload, file.FileName, Encoding.UTF8.GetBytes(file.Content), Nonce(delivery, 0), cancellationToken));
    }

    public async Task AddReactionAsync(Incident incident, string messageId, Reaction reaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var channel = messageId == incident.RootMessageId ? incident.ChannelId : Thread(incident);
        await Call(() => rest.AddReactionAsync(channel, messageId, reactions.EmojiOf(reaction), cancellationToken));
    }

    /// <summary>
    /// Edits the interaction's original (ephemeral) response: the handle is the interaction token, valid 15 minutes.
    /// </summary>
    public async Task ReplyAsync(Incident incident, string replyHandle, MessageContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var parts = renderer.Render(content, incident);
        var payload = new MessagePayload
        {
            Content = TextCutter.Shorten(parts[0].Content, DiscordLimits.Content, "…"),
            AllowedMentions = AllowedMentions.None,
        };
        try
        {
            await rest.EditOriginalResponseAsync(replyHandle, payload, null, cancellationToken);
        }
        catch (DiscordApiException e) when (e.Status == HttpStatusCode.NotFound || e.Code == 10062)
        {
            // The first response may still be on its way (the outbox can be quicker than the interaction's answer);
            // the outbox gives up on its own before the token's 15 minutes are over.
            throw new PlatformUnavailableException("The interaction's first response is not there (yet): " + e.Message, TimeSpan.FromSeconds(2), e);
        }
        catch (DiscordApiException e)
        {
            throw new PlatformRejectedException(e.Message, e);
        }
    }

    /// <summary>
    /// The same on every attempt of one part of one delivery. A nonce is at most 25 characters; a longer key
    /// (which needs an outbox id beyond ten digits) is hashed to 25 hex digits, still one per part.
    /// </summary>
    internal static string Nonce(Delivery delivery, int part)
    {
        var nonce = string.Create(CultureInfo.InvariantCulture, $"{delivery.Key}.{part}");
        return nonce.Length <= DiscordLimits.Nonce
            ? nonce
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(nonce)))[..DiscordLimits.Nonce];
    }

    private static string Thread(Incident incident) =>
        incident.ThreadId ?? throw new PlatformUnavailableException($"{incident.Id} has no thread yet.");

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..TextCutter.SafeCut(text, max)];

    private static async Task Call(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (DiscordApiException e)
        {
            throw new PlatformRejectedException(e.Message, e);
        }
    }

    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (DiscordApiException e)
        {
            throw new PlatformRejectedException(e.Message, e);
        }
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Discord.Reactions;
using IncidentBot.Discord.Wire;

namespace IncidentBot.Discord.Inbound;

/// <summary>
/// Maps gateway dispatches to Core's inbound records (https://docs.discord.com/developers/events/gateway-events).
/// Workspace = the guild; in a thread <c>channel_id</c> is the thread's id, so ChannelId = ThreadId = it.
/// The bot's own messages and reactions are dropped here, as are other bots' and system messages: the
/// timeline records people. DedupKeys follow the platform's natural keys; a reaction's includes the session
/// and sequence number, which a resume replays unchanged, so a replay is a duplicate but a second real
/// add after a remove is not.
/// </summary>
internal static class DiscordEventMapper
{
    /// <summary>Where a dispatch came from: the gateway session and its sequence number.</summary>
    public sealed record Position(string SessionId, long Sequence);

    /// <summary>How Discord's reactions and markup read: the configured reaction map, the configured time zone.</summary>
    public sealed record Reading(DiscordReactions Reactions, DiscordText Text);

    public static IReadOnlyList<InboundEvent> Map(string type, JsonElement data, Position position, string? botUserId, Reading reading, DateTimeOffset now) =>
        type switch
        {
            "MESSAGE_CREATE" => MessageCreated(Deserialize(data, DiscordJsonContext.Default.DiscordMessage), botUserId, reading.Text),
            "MESSAGE_UPDATE" => MessageUpdated(Deserialize(data, DiscordJsonContext.Default.DiscordMessage), botUserId, reading.Text),
            "MESSAGE_DELETE" or "MESSAGE_DELETE_BULK" => MessagesDeleted(Deserialize(data, DiscordJsonContext.Default.MessageDeleteEvent), now),
            "MESSAGE_REACTION_ADD" => Reaction(Deserialize(data, DiscordJsonContext.Default.ReactionEvent), position, botUserId, reading.Reactions, now, added: true),
            "MESSAGE_REACTION_REMOVE" => Reaction(Deserialize(data, DiscordJsonContext.Default.ReactionEvent), position, botUserId, reading.Reactions, now, added: false),
            _ => [],
        };

    /// <summary>Maps a message read back over REST (a backfill after a session could not be resumed).</summary>
    public static InboundEvent? FromHistory(DiscordMessage message, string guildId, string? botUserId, DiscordText text) =>
        MessageCreated(message with { GuildId = message.GuildId ?? guildId }, botUserId, text) is [var first, ..] ? first : null;

    /// <summary>The text recorded for a message: its content as plain text, then one line per attachment.</summary>
    public static string TextOf(DiscordMessage message, DiscordText plain)
    {
        var text = new StringBuilder(plain.ToPlain(message.Content ?? string.Empty));
        foreach (var attachment in message.Attachments ?? [])
        {
            text.Append(text.Length > 0 ? "\n" : string.Empty).Append("📎 ").Append(attachment.Filename ?? "attachment");
            if (attachment.Url is { Length: > 0 } url)
            {
                text.Append(' ').Append(url);
            }
        }

        return text.ToString();
    }

    private static IReadOnlyList<InboundEvent> MessageCreated(DiscordMessage? message, string? botUserId, DiscordText plain)
    {
        if (message is not { GuildId.Length: > 0, ChannelId.Length: > 0, Author: { } author, Timestamp: { } at }
            || !IsHuman(message, author, botUserId) || !InThread(message))
        {
            return [];
        }

        var text = TextOf(message, plain);
        if (text.Length == 0)
        {
            return [];
        }

        var context = Context(message.GuildId, message.ChannelId, DiscordUsers.From(author, message.Member), at, $"msg:{message.Id}");
        return [new ThreadMessagePosted(context, message.Id, text)];
    }

    private static IReadOnlyList<InboundEvent> MessageUpdated(DiscordMessage? message, string? botUserId, DiscordText plain)
    {
        // Without edited_timestamp the update is Discord's own (an embed unfurled), not a person's edit.
        if (message is not { GuildId.Length: > 0, ChannelId.Length: > 0, Author: { } author, EditedTimestamp: { } editedAt, Content: not null }
            || !IsHuman(message, author, botUserId))
        {
            return [];
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"edit:{message.Id}:{editedAt.ToUnixTimeMilliseconds()}");
        var context = Context(message.GuildId, message.ChannelId, DiscordUsers.From(author, message.Member), editedAt, key);
        return [new MessageEdited(context, message.Id, TextOf(message, plain))];
    }

    private static IReadOnlyList<InboundEvent> MessagesDeleted(MessageDeleteEvent? deleted, DateTimeOffset now)
    {
        if (deleted is not { GuildId.Length: > 0 })
        {
            return [];
        }

        // Discord does not say who deleted a message.
        var someone = new UserRef("unknown", "unknown");
        var ids = deleted.Ids ?? (deleted.Id is { } one ? [one] : []);
        return [.. ids.Select(id => new MessageDeleted(Context(deleted.GuildId, deleted.ChannelId, someone, now, $"del:{id}"), id))];
    }

    private static IReadOnlyList<InboundEvent> Reaction(
        ReactionEvent? reaction, Position position, string? botUserId, DiscordReactions reactions, DateTimeOffset now, bool added)
    {
        if (reaction is not { GuildId.Length: > 0, UserId.Length: > 0, Emoji: { Name.Length: > 0 } emoji } || reaction.UserId == botUserId
            || reactions.MeaningOf(emoji) is not { } meaning)
        {
            return [];
        }

        var name = emoji.Id is { Length: > 0 } id ? $"{emoji.Name}:{id}" : emoji.Name!;
        var user = DiscordUsers.FromMember(reaction.Member, null) ?? new UserRef(reaction.UserId, reaction.UserId);
        var key = string.Create(CultureInfo.InvariantCulture,
            $"react:{(added ? '+' : '-')}:{reaction.MessageId}:{reaction.UserId}:{name}:{position.SessionId}:{position.Sequence}");
        var context = Context(reaction.GuildId, reaction.ChannelId, user, now, key);
        return added
            ? [new ReactionAdded(context, reaction.MessageId, meaning)]
            : [new ReactionRemoved(context, reaction.MessageId, meaning)];
    }

    private static InboundContext Context(string guildId, string channelId, UserRef user, DateTimeOffset at, string key) =>
        new(new WorkspaceId(Platform.Discord, guildId), channelId, channelId, user, at, key);

    /// <summary>People's messages only: not the bot, not other bots or webhooks, not system messages (thread created, pins).</summary>
    private static bool IsHuman(DiscordMessage message, DiscordUser author, string? botUserId) =>
        author.Id != botUserId && author.Bot != true && message.WebhookId is null && message.Type is null or 0 or 19;

    /// <summary>Only threads can be incident threads (10, 11, 12); when the type is not sent, Core decides.</summary>
    private static bool InThread(DiscordMessage message) => message.ChannelType is null or 10 or 11 or 12;

    private static T? Deserialize<T>(JsonElement data, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            return data.ValueKind == JsonValueKind.Object ? data.Deserialize(type) : default;
        }
        catch (JsonException)
        {
            return default;
        }
    }
}

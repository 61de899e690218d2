using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Slack.Background;
using IncidentBot.Slack.Outbound;
using IncidentBot.Slack.Reactions;
using IncidentBot.Slack.Wire;

namespace IncidentBot.Slack.Inbound;

/// <summary>
/// Maps Events API callbacks (and messages read back after the bot was away) to Core's inbound records, as
/// Discord's DiscordEventMapper does for the gateway. The bot's own messages and reactions are dropped here, as are
/// other apps' and those that mean nothing to the process. Each record carries the natural key of DESIGN.md §5, so a
/// retried or repeated delivery changes nothing.
/// </summary>
internal static class SlackEventMapper
{
    /// <summary>
    /// What mapping reads besides the payload: who the bot is, people's names (id, the payload's name), what
    /// reactions mean, the configured incidents channel, and the time for an event that carries none.
    /// </summary>
    public sealed record Reading(
        SlackBotIdentity Identity, Func<string, string?, string> UserName, SlackReactions Reactions, string? IncidentsChannel, DateTimeOffset Now);

    public static InboundEvent? Map(WorkspaceId workspace, SlackEvent ev, Reading reading) => ev.Type switch
    {
        "message" => Message(workspace, ev, reading),
        "app_mention" => Mention(workspace, ev, reading),
        "reaction_added" or "reaction_removed" => Reaction(workspace, ev, reading),
        _ => null,
    };

    /// <summary>A thread reply read back with <c>conversations.replies</c>, recorded as its event would have been.</summary>
    public static ThreadMessagePosted? FromHistory(WorkspaceId workspace, string channel, string threadTs, SlackMessage message, Reading reading) =>
        Message(workspace, new SlackEvent
        {
            Type = "message",
            Subtype = message.Subtype,
            User = message.User,
            BotId = message.BotId,
            Text = message.Text,
            Ts = message.Ts,
            ThreadTs = message.ThreadTs ?? threadTs,
            Channel = channel,
            Files = message.Files,
        }, reading) as ThreadMessagePosted;

    /// <summary>
    /// The reactions a thread read lists on a message, as reactions added. The key names the reaction, not an event,
    /// so reading the same reaction again is a duplicate; one already handled live changes nothing in Core either.
    /// </summary>
    public static IEnumerable<ReactionAdded> ReactionsOn(WorkspaceId workspace, string channel, SlackMessage message, Reading reading)
    {
        if (message.Ts is not { } ts)
        {
            yield break;
        }

        foreach (var reaction in message.Reactions ?? [])
        {
            if (reaction.Name is not { Length: > 0 } name || reading.Reactions.MeaningOf(name) is not { } meaning)
            {
                continue;
            }

            foreach (var userId in (reaction.Users ?? []).Where(u => !string.IsNullOrEmpty(u) && !reading.Identity.IsSelf(u, null)))
            {
                yield return new ReactionAdded(Context(workspace, channel, null, userId, null, $"react:seen:{channel}:{ts}:{name}:{userId}", reading), ts, meaning);
            }
        }
    }

    private static InboundEvent? Message(WorkspaceId workspace, SlackEvent ev, Reading reading)
    {
        if (ev.Channel is not { Length: > 0 } channel)
        {
            return null;
        }

        switch (ev.Subtype)
        {
            case null or "thread_broadcast" or "file_share":
                {
                    if (!IsHuman(ev.User, ev.BotId, reading) || ev.Ts is not { } ts || ev.ThreadTs is not { } thread || thread == ts
                        || IsAddressedToBot(ev.Text, reading))
                    {
                        return null;
                    }

                    var text = MessageText(ev.Text, ev.Files, reading);
                    if (text.Length == 0)
                    {
                        return null;
                    }

                    var context = Context(workspace, channel, thread, ev.User!, ts, $"msg:{channel}:{ts}", reading);
                    return new ThreadMessagePosted(context, ts, text);
                }

            case "message_changed":
                {
                    var message = ev.Message;
                    var ts = message?.Ts ?? ev.PreviousMessage?.Ts;
                    if (message is null || message.Subtype == "tombstone" || ts is null
                        || message.Edited?.Ts is not { } editTs || !IsHuman(message.User, message.BotId, reading))
                    {
                        // Unfurls and other machine changes carry no `edited`; they are not edits by a person.
                        return null;
                    }

                    var context = Context(workspace, channel, message.ThreadTs, message.Edited.User ?? message.User!, editTs,
                        $"edit:{channel}:{ts}:{editTs}", reading);
                    return new MessageEdited(context, ts, MessageText(message.Text, message.Files, reading));
                }

            case "message_deleted":
                {
                    var deleted = ev.DeletedTs ?? ev.PreviousMessage?.Ts;
                    if (deleted is null || (ev.PreviousMessage is { } previous && !IsHuman(previous.User, previous.BotId, reading)))
                    {
                        return null;
                    }

                    var context = Context(workspace, channel, ev.PreviousMessage?.ThreadTs, ev.PreviousMessage?.User ?? "unknown",
                        ev.EventTs ?? ev.Ts, $"del:{channel}:{deleted}", reading);
                    return new MessageDeleted(context, deleted);
                }

            default:
                return null;
        }
    }

    private static CommandInvoked? Mention(WorkspaceId workspace, SlackEvent ev, Reading reading)
    {
        if (ev.Channel is not { Length: > 0 } channel || ev.Ts is not { } ts || !IsHuman(ev.User, ev.BotId, reading))
        {
            return null;
        }

        var text = SlackText.ForCommand(SlackText.StripLeadingMention(ev.Text, reading.Identity.UserId));
        var context = Context(workspace, channel, ev.ThreadTs, ev.User!, ts, $"mention:{channel}:{ts}", reading);
        var handle = new SlackReplyHandle(channel, ev.User!, ev.ThreadTs).ToString();
        return new CommandInvoked(context, text, reading.IncidentsChannel, handle);
    }

    private static InboundEvent? Reaction(WorkspaceId workspace, SlackEvent ev, Reading reading)
    {
        if (ev.Item is not { Type: "message", Channel: { Length: > 0 } channel, Ts: { Length: > 0 } ts }
            || ev.Reaction is not { Length: > 0 } reaction || ev.User is not { Length: > 0 } userId
            || reading.Identity.IsSelf(userId, null) || reading.Reactions.MeaningOf(reaction) is not { } meaning)
        {
            return null;
        }

        var added = ev.Type == "reaction_added";
        var context = Context(workspace, channel, null, userId, ev.EventTs,
            $"react:{(added ? '+' : '-')}:{channel}:{ts}:{reaction}:{userId}:{ev.EventTs}", reading);
        return added ? new ReactionAdded(context, ts, meaning) : new ReactionRemoved(context, ts, meaning);
    }

    private static InboundContext Context(WorkspaceId workspace, string channel, string? thread, string userId, string? ts, string key, Reading reading) =>
        new(workspace, channel, thread, new UserRef(userId, reading.UserName(userId, null)), SlackTime.Parse(ts) ?? reading.Now, key);

    /// <summary>A person's message: not the bot's own, not another app's or a webhook's (DESIGN.md §2: human messages).</summary>
    private static bool IsHuman(string? userId, string? botId, Reading reading) =>
        !string.IsNullOrEmpty(userId) && botId is null && !reading.Identity.IsSelf(userId, botId);

    /// <summary>A thread message that starts with the bot's mention is a command; its <c>app_mention</c> records it.</summary>
    private static bool IsAddressedToBot(string? text, Reading reading) =>
        reading.Identity.UserId is { } bot && text is not null && text.TrimStart().StartsWith($"<@{bot}", StringComparison.Ordinal);

    private static string MessageText(string? text, IReadOnlyList<SlackFile>? files, Reading reading)
    {
        var plain = SlackText.ToPlain(text, id => reading.UserName(id, null)).Trim();
        var names = (files ?? []).Select(f => f.Title ?? f.Name).Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        if (names.Count == 0)
        {
            return plain;
        }

        var shared = "[file: " + string.Join(", ", names) + "]";
        return plain.Length == 0 ? shared : plain + " " + shared;
    }
}

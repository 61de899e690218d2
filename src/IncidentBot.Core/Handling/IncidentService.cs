using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Reminders;

namespace IncidentBot.Core.Handling;

/// <summary>
/// The use cases. Each inbound record is one transaction: its natural key (duplicates stop here), the state
/// change, timeline, audit and outbox rows commit together (DESIGN.md §3 step 2). A refused command commits
/// nothing. No platform call happens here: what the bot says goes to the outbox.
/// </summary>
public sealed partial class IncidentService(IIncidentStore store, IncidentPolicy policy, TimeProvider time) : IInboundHandler
{
    public async Task<InboundOutcome> HandleAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var now = time.GetUtcNow();
        await using var uow = await store.BeginAsync(cancellationToken);
        var scope = new Scope(uow, inbound.Context, now, cancellationToken);
        if (!await uow.TryRecordInboundAsync(inbound.Context.Workspace, inbound.Context.DedupKey, now, cancellationToken))
        {
            return InboundOutcome.Duplicate;
        }

        var outcome = inbound switch
        {
            CommandInvoked c => await HandleCommandAsync(scope, c),
            ThreadMessagePosted m => await HandleThreadMessageAsync(scope, m),
            MessageEdited e => await HandleEditAsync(scope, e),
            MessageDeleted d => await HandleDeleteAsync(scope, d),
            ReactionAdded r => await HandleReactionAsync(scope, r.MessageId, r.Emoji, added: true),
            ReactionRemoved r => await HandleReactionAsync(scope, r.MessageId, r.Emoji, added: false),
            ButtonClicked b => await HandleButtonAsync(scope, b),
            _ => InboundOutcome.Ignored,
        };

        if (outcome.Result == InboundResult.Accepted)
        {
            await uow.CommitAsync(cancellationToken);
        }

        return outcome;
    }

    private async Task<InboundOutcome> HandleThreadMessageAsync(Scope s, ThreadMessagePosted message)
    {
        if (await FindThreadIncidentAsync(s) is not { } incident)
        {
            return InboundOutcome.Ignored;
        }

        // The platform message id is a natural key of its own (DESIGN.md §5): the same message delivered again
        // under another event key (a gateway replay, a second subscription) must not enter the timeline twice.
        if (await s.Uow.FindTimelineBySourceAsync(s.Context.Workspace, message.MessageId, s.Cancellation) is not null)
        {
            return InboundOutcome.Duplicate;
        }

        var entry = new TimelineEntry
        {
            IncidentId = incident.Id,
            At = s.Context.At,
            Kind = TimelineKind.Message,
            Author = s.Context.User,
            Text = message.Text,
            SourceMessageId = message.MessageId,
        };
        await ApplyAsync(s, incident.WithResponder(s.Context.User), [entry], [new EditRootMessage()], "message", message.MessageId);
        return Accepted(incident, reply: null);
    }

    private static async Task<InboundOutcome> HandleEditAsync(Scope s, MessageEdited edit)
    {
        if (await s.Uow.FindTimelineBySourceAsync(s.Context.Workspace, edit.MessageId, s.Cancellation) is not { } entry
            || entry.Text == edit.NewText)
        {
            return InboundOutcome.Ignored;
        }

        var updated = entry with
        {
            Text = edit.NewText,
            Revisions = [.. entry.Revisions, new TimelineRevision(s.Context.At, entry.Text)],
        };
        await s.Uow.UpdateTimelineAsync(updated, s.Cancellation);
        await s.Uow.EnqueueAsync(entry.IncidentId, new EditRootMessage(), s.Now, s.Cancellation);
        await AuditAsync(s, entry.IncidentId, "message_edited", edit.MessageId);
        return new InboundOutcome(InboundResult.Accepted, null, entry.IncidentId);
    }

    private static async Task<InboundOutcome> HandleDeleteAsync(Scope s, MessageDeleted delete)
    {
        if (await s.Uow.FindTimelineBySourceAsync(s.Context.Workspace, delete.MessageId, s.Cancellation) is not { } entry
            || entry.Deleted)
        {
            return InboundOutcome.Ignored;
        }

        await s.Uow.UpdateTimelineAsync(entry with { Deleted = true }, s.Cancellation);
        await s.Uow.EnqueueAsync(entry.IncidentId, new EditRootMessage(), s.Now, s.Cancellation);
        await AuditAsync(s, entry.IncidentId, "message_deleted", delete.MessageId);
        return new InboundOutcome(InboundResult.Accepted, null, entry.IncidentId);
    }

    private async Task<InboundOutcome> HandleReactionAsync(Scope s, string messageId, string emoji, bool added)
    {
        if (policy.AckEmoji.Contains(emoji))
        {
            if (!added
                || await s.Uow.FindByRootMessageAsync(s.Context.Workspace, messageId, s.Cancellation) is not { } incident
                || !incident.Status.IsActive())
            {
                return InboundOutcome.Ignored;
            }

            return await AcknowledgeAsync(s, incident, quietWhenRepeated: true);
        }

        if (!policy.KeyEventEmoji.Contains(emoji)
            || await s.Uow.FindTimelineBySourceAsync(s.Context.Workspace, messageId, s.Cancellation) is not { } entry
            || entry.Key == added || entry.Deleted)
        {
            return InboundOutcome.Ignored;
        }

        await s.Uow.UpdateTimelineAsync(entry with { Key = added }, s.Cancellation);
        if (added)
        {
            // The bot confirms a capture with ✅ so the person who pinned sees it landed.
            await s.Uow.EnqueueAsync(entry.IncidentId, new AddReaction(messageId, "white_check_mark"), s.Now, s.Cancellation);
        }

        await s.Uow.EnqueueAsync(entry.IncidentId, new EditRootMessage(), s.Now, s.Cancellation);
        await AuditAsync(s, entry.IncidentId, added ? "key_event_marked" : "key_event_unmarked", messageId);
        return new InboundOutcome(InboundResult.Accepted, null, entry.IncidentId);
    }

    private async Task<InboundOutcome> HandleButtonAsync(Scope s, ButtonClicked click)
    {
        if (await s.Uow.GetAsync(s.Context.Workspace, click.IncidentId, s.Cancellation) is not { } incident)
        {
            return InboundOutcome.Refused(UnknownIncident(click.IncidentId));
        }

        var user = s.Context.User;
        return click.Action switch
        {
            ButtonAction.Acknowledge => incident.Status.IsActive()
                ? await AcknowledgeAsync(s, incident, quietWhenRepeated: false)
                : InboundOutcome.Refused($"{incident.Id} is {incident.Status}: there is nothing to acknowledge."),
            ButtonAction.TakeCommand => await CommanderAsync(s, incident, user),
            ButtonAction.Resolve => await MoveAsync(s, incident, IncidentStatus.Resolved, null),
            ButtonAction.Close => await CloseAsync(s, incident),
            _ => InboundOutcome.Refused("That button opens a form; try again if it did not appear."),
        };
    }

    private static async Task<Incident?> FindThreadIncidentAsync(Scope s)
    {
        if (s.Context.ThreadId is not { } thread
            || await s.Uow.FindByThreadAsync(s.Context.Workspace, thread, s.Cancellation) is not { } incident)
        {
            return null;
        }

        // A Slack thread id is the root ts, which is unique only within its channel.
        return incident.Workspace.Platform == Platform.Slack && incident.ChannelId != s.Context.ChannelId ? null : incident;
    }

    /// <summary>Saves the incident with its re-planned reminder time, then its timeline, outbox and audit rows.</summary>
    private async Task ApplyAsync(
        Scope s, Incident incident, IEnumerable<TimelineEntry> entries, IEnumerable<OutboundIntent> intents, string action, string detail)
    {
        var planned = incident with { NextReminderAt = ReminderPlanner.NextDue(incident, policy) };
        await s.Uow.SaveAsync(planned, s.Cancellation);
        foreach (var entry in entries)
        {
            await s.Uow.AddTimelineAsync(entry, s.Cancellation);
        }

        foreach (var intent in intents)
        {
            await s.Uow.EnqueueAsync(incident.Id, intent, s.Now, s.Cancellation);
        }

        await AuditAsync(s, incident.Id, action, detail);
    }

    private static Task AuditAsync(Scope s, IncidentId? id, string action, string detail) =>
        s.Uow.AddAuditAsync(new AuditEntry(s.Context.Workspace, id, s.Now, s.Context.User.Id, action, detail), s.Cancellation);

    private static InboundOutcome Accepted(Incident incident, MessageContent? reply) =>
        new(InboundResult.Accepted, reply, incident.Id);

    private static string UnknownIncident(IncidentId id) =>
        $"Unknown incident {id}. `list` shows the open incidents of this workspace.";

    private sealed record Scope(IIncidentUnitOfWork Uow, InboundContext Context, DateTimeOffset Now, CancellationToken Cancellation);
}

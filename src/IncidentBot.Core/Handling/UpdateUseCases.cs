using System.Globalization;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Reminders;
using static IncidentBot.Core.Handling.ApplyStep;

namespace IncidentBot.Core.Handling;

/// <summary>What goes on the timeline: updates, impact and summary, notes, action items, thread messages and their edits.</summary>
internal sealed class UpdateUseCases(IncidentPolicy policy, ApplyStep apply)
{
    public async Task<InboundOutcome> UpdateAsync(UseCaseScope s, Incident incident, string text)
    {
        if (!incident.IsOpen)
        {
            return InboundOutcome.Refused($"{incident.Id} is Closed: `reopen {incident.Id}` to post updates.");
        }

        var updated = incident with { LastUpdateAt = s.Now, LastUpdateText = text };
        var message = new MessageBuilder()
            .Text($"📣 Update ({incident.Status}) from ").Mention(s.Context.User.Id).Text(":").Line().Text(text).Build();
        await apply.ApplyAsync(s, updated.WithResponder(s.Context.User), [Entry(s, incident, TimelineKind.Update, text, null)],
            [new PostThreadMessage(message), new EditRootMessage()], "update", string.Empty);
        var next = ReminderPlanner.NextUpdateDue(updated, policy);
        return Accepted(incident, MessageContent.Plain(
            $"Update posted to {incident.Id}." + (next is { } due ? $" Next one due in {Durations.Format(due - s.Now)}." : string.Empty)));
    }

    public async Task<InboundOutcome> SetFieldAsync(UseCaseScope s, Incident incident, string text, TimelineKind kind)
    {
        var (updated, what) = kind == TimelineKind.ImpactSet
            ? (incident with { Impact = text }, "Impact")
            : (incident with { Summary = text }, "Summary");
        var message = new MessageBuilder().Text($"{what} of {incident.Id} set by ").Mention(s.Context.User.Id).Text(":").Line().Text(text).Build();
        await apply.ApplyAsync(s, updated, [Entry(s, incident, kind, $"{what}: {text}", null)],
            [new PostThreadMessage(message), new EditRootMessage()], what.ToLowerInvariant(), string.Empty);
        return Accepted(incident, MessageContent.Plain($"{what} of {incident.Id} updated."));
    }

    public async Task<InboundOutcome> NoteAsync(UseCaseScope s, Incident incident, string text)
    {
        var message = new MessageBuilder().Text("📝 Note from ").Mention(s.Context.User.Id).Text(":").Line().Text(text).Build();
        await apply.ApplyAsync(s, incident, [Entry(s, incident, TimelineKind.Note, text, null)],
            [new PostThreadMessage(message), new EditRootMessage()], "note", string.Empty);
        return Accepted(incident, MessageContent.Plain($"Note added to {incident.Id}."));
    }

    public async Task<InboundOutcome> ActionAsync(UseCaseScope s, Incident incident, ActionCommand command)
    {
        var item = new ActionItem
        {
            IncidentId = incident.Id,
            Text = command.Text,
            Owner = command.Owner,
            Due = command.Due,
            CreatedAt = s.Now,
        };
        await s.Uow.AddActionItemAsync(item, s.Cancellation);
        var details = (command.Owner is { } o ? $" — owner {o.Name}" : string.Empty)
            + (command.Due is { } d ? $" — due {d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : string.Empty);
        var builder = new MessageBuilder().Text("☑️ Action item: ").Text(command.Text);
        if (command.Owner is { } owner)
        {
            builder.Text(" — owner ").Mention(owner.Id);
        }

        if (command.Due is { } due)
        {
            builder.Text($" — due {due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }

        await apply.ApplyAsync(s, incident, [Entry(s, incident, TimelineKind.ActionAdded, $"Action: {command.Text}{details}", null)],
            [new PostThreadMessage(builder.Build()), new EditRootMessage()], "action", command.Text);
        return Accepted(incident, MessageContent.Plain($"Action item recorded on {incident.Id}."));
    }

    public async Task<InboundOutcome> HandleThreadMessageAsync(UseCaseScope s, ThreadMessagePosted message)
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
        await apply.ApplyAsync(s, incident.WithResponder(s.Context.User), [entry], [new EditRootMessage()], "message", message.MessageId);
        return Accepted(incident, reply: null);
    }

    public static async Task<InboundOutcome> HandleEditAsync(UseCaseScope s, MessageEdited edit)
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

    public static async Task<InboundOutcome> HandleDeleteAsync(UseCaseScope s, MessageDeleted delete)
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
}

using IncidentBot.Core.Alerts;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using static IncidentBot.Core.Handling.ApplyStep;

namespace IncidentBot.Core.Handling;

/// <summary>Acknowledgement (command, button, reaction), taking command, key-event reactions and the buttons under the status doc.</summary>
internal sealed class AcknowledgementUseCases(ApplyStep apply, LifecycleUseCases lifecycle)
{
    public async Task<InboundOutcome> AcknowledgeAsync(UseCaseScope s, Incident incident, bool quietWhenRepeated)
    {
        var user = s.Context.User;
        if (incident.AcknowledgedAt is { } at)
        {
            // The first acknowledger is already on record as such; only other people become responders.
            var withResponder = incident.AcknowledgedBy?.Id == user.Id ? incident : incident.WithResponder(user);
            if (ReferenceEquals(withResponder, incident))
            {
                return quietWhenRepeated
                    ? InboundOutcome.Ignored
                    : Accepted(incident, MessageContent.Plain($"{incident.Id} was already acknowledged by {incident.AcknowledgedBy?.Name}."));
            }

            await apply.ApplyAsync(s, withResponder, [], [new EditRootMessage()], "responder", user.Id);
            return Accepted(incident, MessageContent.Plain(
                $"{incident.Id} was already acknowledged by {incident.AcknowledgedBy?.Name} after {Durations.Format(at - incident.DeclaredAt)}; you are recorded as a responder."));
        }

        var after = Durations.Format(s.Now - incident.DeclaredAt);
        var updated = incident with { AcknowledgedAt = s.Now, AcknowledgedBy = user };
        var builder = new MessageBuilder().Text("✅ Acknowledged by ").Mention(user.Id).Text($" after {after}.");
        List<TimelineEntry> entries = [Entry(s, incident, TimelineKind.Acknowledged, $"Acknowledged by {user.Name} after {after}", user.Id)];

        // An incident an alert declared has the alerting system as commander until a person steps in: the first
        // person to acknowledge leads it (update reminders then mention someone who can answer them).
        if (AlertSenders.IsSender(incident.Commander) && !AlertSenders.IsSender(user))
        {
            updated = updated with { Commander = user, Responders = [.. incident.Responders.Where(r => r.Id != user.Id)] };
            builder.Text(" ").Mention(user.Id).Text(" is now the commander; `commander @someone` hands it on.");
            entries.Add(Entry(s, incident, TimelineKind.CommanderChanged, $"Commander: {incident.Commander.Name} → {user.Name}", user.Id));
        }

        await apply.ApplyAsync(s, updated, entries, [new PostThreadMessage(builder.Build()), new EditRootMessage()], "acknowledge", user.Id);
        // The host feeds its acknowledgement-latency histogram from this, without reading the incident again.
        return Accepted(incident, MessageContent.Plain($"You acknowledged {incident.Id}.")) with { Acknowledged = updated };
    }

    public async Task<InboundOutcome> CommanderAsync(UseCaseScope s, Incident incident, UserRef commander)
    {
        if (!incident.IsOpen)
        {
            return InboundOutcome.Refused($"{incident.Id} is Closed: `reopen {incident.Id}` first.");
        }

        if (incident.Commander.Id == commander.Id)
        {
            return InboundOutcome.Refused($"{commander.Name} is already the commander of {incident.Id}.");
        }

        var previous = incident.Commander;

        // Responders never include the commander (see Incident.WithResponder): a responder who takes command
        // leaves the list, and the previous commander joins it.
        var updated = incident with { Commander = commander, Responders = [.. incident.Responders.Where(r => r.Id != commander.Id)] };
        updated = updated.WithResponder(previous);
        var message = new MessageBuilder()
            .Text("👤 ").Mention(commander.Id).Text($" is now the commander of {incident.Id} (was {previous.Name}), set by ")
            .Mention(s.Context.User.Id).Text(".").Build();
        await apply.ApplyAsync(s, updated,
            [Entry(s, incident, TimelineKind.CommanderChanged, $"Commander: {previous.Name} → {commander.Name}", commander.Id)],
            [new PostThreadMessage(message), new EditRootMessage()], "commander", commander.Id);
        return Accepted(incident, MessageContent.Plain($"{commander.Name} now commands {incident.Id}."));
    }

    public async Task<InboundOutcome> HandleReactionAsync(UseCaseScope s, string messageId, Reaction reaction, bool added)
    {
        if (reaction == Reaction.Acknowledge)
        {
            if (!added
                || await s.Uow.FindByRootMessageAsync(s.Context.Workspace, messageId, s.Cancellation) is not { } incident
                || !incident.Status.IsActive())
            {
                return InboundOutcome.Ignored;
            }

            return await AcknowledgeAsync(s, incident, quietWhenRepeated: true);
        }

        if (reaction != Reaction.KeyEvent
            || await s.Uow.FindTimelineBySourceAsync(s.Context.Workspace, messageId, s.Cancellation) is not { } entry
            || entry.Key == added || entry.Deleted)
        {
            return InboundOutcome.Ignored;
        }

        await s.Uow.UpdateTimelineAsync(entry with { Key = added }, s.Cancellation);
        if (added)
        {
            // The bot confirms a capture so the person who pinned sees it landed.
            await s.Uow.EnqueueAsync(entry.IncidentId, new AddReaction(messageId, Reaction.Confirmed), s.Now, s.Cancellation);
        }

        await s.Uow.EnqueueAsync(entry.IncidentId, new EditRootMessage(), s.Now, s.Cancellation);
        await AuditAsync(s, entry.IncidentId, added ? "key_event_marked" : "key_event_unmarked", messageId);
        return new InboundOutcome(InboundResult.Accepted, null, entry.IncidentId);
    }

    public async Task<InboundOutcome> HandleButtonAsync(UseCaseScope s, ButtonClicked click)
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
            ButtonAction.Resolve => await lifecycle.MoveAsync(s, incident, IncidentStatus.Resolved, null),
            ButtonAction.Close => await lifecycle.CloseAsync(s, incident),
            _ => InboundOutcome.Refused("That button opens a form; try again if it did not appear."),
        };
    }
}

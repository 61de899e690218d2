using System.Globalization;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Postmortems;
using IncidentBot.Core.Reminders;

namespace IncidentBot.Core.Handling;

public sealed partial class IncidentService
{
    private const int TimelineReplyLines = 25;

    private async Task<InboundOutcome> HandleCommandAsync(Scope s, CommandInvoked invoked)
    {
        var parsed = CommandParser.Parse(invoked.Text);
        if (!parsed.Success)
        {
            return InboundOutcome.Refused(parsed.Error.ToString());
        }

        switch (parsed.Command)
        {
            case DeclareCommand declare:
                return await DeclareAsync(s, declare, invoked);
            case ListCommand:
                return await ListAsync(s);
            case HelpCommand help:
                return new InboundOutcome(InboundResult.Accepted, MessageContent.Plain(CommandUsage.Help(help.Topic)), null);
        }

        var command = parsed.Command;
        var (incident, problem) = await FindTargetAsync(s, command, invoked.Text);
        if (incident is null)
        {
            return InboundOutcome.Refused(problem!);
        }

        return command switch
        {
            CommanderCommand c => await CommanderAsync(s, incident, c.Commander),
            SeverityCommand c => await SeverityAsync(s, incident, c.Severity),
            StatusCommand c => await MoveAsync(s, incident, c.Status, c.Text),
            UpdateCommand c => await UpdateAsync(s, incident, c.Text),
            ImpactCommand c => await SetFieldAsync(s, incident, c.Text, TimelineKind.ImpactSet),
            SummaryCommand c => await SetFieldAsync(s, incident, c.Text, TimelineKind.SummarySet),
            NoteCommand c => await NoteAsync(s, incident, c.Text),
            ActionCommand c => await ActionAsync(s, incident, c),
            AckCommand => incident.Status.IsActive()
                ? await AcknowledgeAsync(s, incident, quietWhenRepeated: false)
                : InboundOutcome.Refused($"{incident.Id} is {incident.Status}: there is nothing to acknowledge."),
            ResolveCommand c => await MoveAsync(s, incident, IncidentStatus.Resolved, c.Text),
            CloseCommand => await CloseAsync(s, incident),
            ReopenCommand => await ReopenAsync(s, incident, null),
            TimelineCommand => await TimelineAsync(s, incident),
            PostmortemCommand c => await PostmortemAsync(s, incident, c),
            _ => InboundOutcome.Refused(CommandUsage.Help(null)),
        };
    }

    private static async Task<(Incident? Incident, string? Problem)> FindTargetAsync(Scope s, IncidentCommand command, string text)
    {
        if (command.Target is { } id)
        {
            var named = await s.Uow.GetAsync(s.Context.Workspace, id, s.Cancellation);
            return named is null ? (null, UnknownIncident(id)) : (named, null);
        }

        if (await FindThreadIncidentAsync(s) is { } inThread)
        {
            return (inThread, null);
        }

        // Split on any whitespace, as the parser does: "update\nrolled back" is the verb "update".
        var verb = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0].ToLowerInvariant();
        var open = await s.Uow.ListOpenAsync(s.Context.Workspace, s.Context.ChannelId, s.Cancellation);
        return open.Count switch
        {
            1 => (open[0], null),
            0 => (null, $"No open incident here to apply `{verb}` to. Name one: `{CommandUsage.For(verb).Replace("[INC-n]", "INC-42", StringComparison.Ordinal)}`."),
            _ => (null, $"Several incidents are open here ({string.Join(", ", open.Select(i => i.Id))}): name one, e.g. `{verb} {open[0].Id} …`."),
        };
    }

    private async Task<InboundOutcome> DeclareAsync(Scope s, DeclareCommand declare, CommandInvoked invoked)
    {
        var id = await s.Uow.NextIncidentIdAsync(s.Cancellation);
        var user = s.Context.User;
        var commander = declare.Commander ?? user;
        var incident = new Incident
        {
            Id = id,
            Workspace = s.Context.Workspace,
            ChannelId = invoked.IncidentsChannelId ?? s.Context.ChannelId,
            Title = declare.Title,
            Severity = declare.Severity,
            Commander = commander,
            DeclaredBy = user,
            DeclaredAt = s.Now,
        };

        var severity = policy.For(declare.Severity);
        var welcome = new MessageBuilder()
            .Text($"🚨 {id} declared by ").Mention(user.Id).Text(". Commander: ").Mention(commander.Id).Text(".").Line()
            .Text(severity.AckWithin is { } ack
                ? $"Acknowledge within {Durations.Format(ack)}: react 👀 on the status message, press Acknowledge, or `ack`."
                : "Acknowledge by 09:00 next business day: react 👀 on the status message, press Acknowledge, or `ack`.")
            .Line()
            .Text(severity.UpdateEvery is { } every ? $"Post an update at least every {Durations.Format(every)}. " : string.Empty)
            .Text("Everything said in this thread goes on the timeline; react 📌 to mark a key event.")
            .Build();

        var intents = new List<OutboundIntent> { new PostRootMessage(), new OpenThread(), new PostThreadMessage(welcome) };
        if (invoked.ReplyHandle is { } handle)
        {
            intents.Add(new ReplyToRequester(handle, new MessageBuilder().Text($"{id} is open: ").Thread().Build()));
        }

        var entry = Entry(s, incident, TimelineKind.Declared,
            $"Declared {incident.Label}; commander {commander.Name}", declare.Severity.Label());
        await ApplyAsync(s, incident, [entry], intents, "declare", incident.Label);
        return Accepted(incident, MessageContent.Plain(
            $"Declared {id}: {incident.Label}. Its thread is opening now"
            + (invoked.ReplyHandle is null ? " in the incidents channel." : "; I will send you the link.")));
    }

    private async Task<InboundOutcome> CommanderAsync(Scope s, Incident incident, UserRef commander)
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
        await ApplyAsync(s, updated,
            [Entry(s, incident, TimelineKind.CommanderChanged, $"Commander: {previous.Name} → {commander.Name}", commander.Id)],
            [new PostThreadMessage(message), new EditRootMessage()], "commander", commander.Id);
        return Accepted(incident, MessageContent.Plain($"{commander.Name} now commands {incident.Id}."));
    }

    private async Task<InboundOutcome> SeverityAsync(Scope s, Incident incident, Severity severity)
    {
        if (!incident.IsOpen)
        {
            return InboundOutcome.Refused($"{incident.Id} is Closed: `reopen {incident.Id}` first.");
        }

        if (incident.Severity == severity)
        {
            return InboundOutcome.Refused($"{incident.Id} is already {severity.Label()}.");
        }

        var updated = incident with { Severity = severity };
        var rules = policy.For(severity);
        var message = new MessageBuilder()
            .Text($"Severity of {incident.Id} changed {incident.Severity.Label()} → {severity.Label()} by ").Mention(s.Context.User.Id).Text(". ")
            .Text(rules.UpdateEvery is { } every ? $"Updates are now due every {Durations.Format(every)}." : "No update cadence at this severity.")
            .Build();
        await ApplyAsync(s, updated,
            [Entry(s, incident, TimelineKind.SeverityChanged, $"Severity {incident.Severity.Label()} → {severity.Label()}", severity.Label())],
            [new PostThreadMessage(message), new EditRootMessage()], "severity", severity.Label());
        return Accepted(incident, MessageContent.Plain($"{incident.Id} is now {severity.Label()}."));
    }

    private async Task<InboundOutcome> MoveAsync(Scope s, Incident incident, IncidentStatus to, string? text)
    {
        if (!IncidentLifecycle.CanMove(incident.Status, to))
        {
            return InboundOutcome.Refused(IncidentLifecycle.Refusal(incident.Id, incident.Status, to));
        }

        if (!incident.Status.IsActive())
        {
            // The only legal way back from Resolved or Closed is to Investigating, and that is a reopen: it must
            // clear the resolve and close stamps and restart the clocks, whichever command asked for it.
            return await ReopenAsync(s, incident, text);
        }

        var updated = incident with { Status = to };
        if (text is not null)
        {
            updated = updated with { LastUpdateAt = s.Now, LastUpdateText = text };
        }

        var builder = new MessageBuilder().Text($"{incident.Id}: {incident.Status} → ").Bold(to.ToString()).Text(" by ").Mention(s.Context.User.Id);
        if (text is not null)
        {
            builder.Text(": ").Text(text);
        }

        if (to == IncidentStatus.Resolved)
        {
            updated = updated with { ResolvedAt = s.Now, MonitoringReminderSent = false };
            builder.Line().Text($"Keep watching for {Durations.Format(policy.MonitoringWindow)}; I will ask to close at ")
                .Time(s.Now + policy.MonitoringWindow).Text(".");
        }

        var entryText = $"Status: {incident.Status} → {to}" + (text is null ? string.Empty : $" — {text}");
        await ApplyAsync(s, updated, [Entry(s, incident, TimelineKind.StatusChanged, entryText, to.ToString())],
            [new PostThreadMessage(builder.Build()), new EditRootMessage()], "status", to.ToString());
        return Accepted(incident, MessageContent.Plain($"{incident.Id} is now {to}."));
    }

    private async Task<InboundOutcome> UpdateAsync(Scope s, Incident incident, string text)
    {
        if (!incident.IsOpen)
        {
            return InboundOutcome.Refused($"{incident.Id} is Closed: `reopen {incident.Id}` to post updates.");
        }

        var updated = incident with { LastUpdateAt = s.Now, LastUpdateText = text };
        var message = new MessageBuilder()
            .Text($"📣 Update ({incident.Status}) from ").Mention(s.Context.User.Id).Text(":").Line().Text(text).Build();
        await ApplyAsync(s, updated.WithResponder(s.Context.User), [Entry(s, incident, TimelineKind.Update, text, null)],
            [new PostThreadMessage(message), new EditRootMessage()], "update", string.Empty);
        var next = ReminderPlanner.NextUpdateDue(updated, policy);
        return Accepted(incident, MessageContent.Plain(
            $"Update posted to {incident.Id}." + (next is { } due ? $" Next one due in {Durations.Format(due - s.Now)}." : string.Empty)));
    }

    private async Task<InboundOutcome> SetFieldAsync(Scope s, Incident incident, string text, TimelineKind kind)
    {
        var (updated, what) = kind == TimelineKind.ImpactSet
            ? (incident with { Impact = text }, "Impact")
            : (incident with { Summary = text }, "Summary");
        var message = new MessageBuilder().Text($"{what} of {incident.Id} set by ").Mention(s.Context.User.Id).Text(":").Line().Text(text).Build();
        await ApplyAsync(s, updated, [Entry(s, incident, kind, $"{what}: {text}", null)],
            [new PostThreadMessage(message), new EditRootMessage()], what.ToLowerInvariant(), string.Empty);
        return Accepted(incident, MessageContent.Plain($"{what} of {incident.Id} updated."));
    }

    private async Task<InboundOutcome> NoteAsync(Scope s, Incident incident, string text)
    {
        var message = new MessageBuilder().Text("📝 Note from ").Mention(s.Context.User.Id).Text(":").Line().Text(text).Build();
        await ApplyAsync(s, incident, [Entry(s, incident, TimelineKind.Note, text, null)],
            [new PostThreadMessage(message), new EditRootMessage()], "note", string.Empty);
        return Accepted(incident, MessageContent.Plain($"Note added to {incident.Id}."));
    }

    private async Task<InboundOutcome> ActionAsync(Scope s, Incident incident, ActionCommand command)
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

        await ApplyAsync(s, incident, [Entry(s, incident, TimelineKind.ActionAdded, $"Action: {command.Text}{details}", null)],
            [new PostThreadMessage(builder.Build()), new EditRootMessage()], "action", command.Text);
        return Accepted(incident, MessageContent.Plain($"Action item recorded on {incident.Id}."));
    }

    private async Task<InboundOutcome> AcknowledgeAsync(Scope s, Incident incident, bool quietWhenRepeated)
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

            await ApplyAsync(s, withResponder, [], [new EditRootMessage()], "responder", user.Id);
            return Accepted(incident, MessageContent.Plain(
                $"{incident.Id} was already acknowledged by {incident.AcknowledgedBy?.Name} after {Durations.Format(at - incident.DeclaredAt)}; you are recorded as a responder."));
        }

        var after = Durations.Format(s.Now - incident.DeclaredAt);
        var updated = incident with { AcknowledgedAt = s.Now, AcknowledgedBy = user };
        var message = new MessageBuilder().Text("✅ Acknowledged by ").Mention(user.Id).Text($" after {after}.").Build();
        await ApplyAsync(s, updated, [Entry(s, incident, TimelineKind.Acknowledged, $"Acknowledged by {user.Name} after {after}", user.Id)],
            [new PostThreadMessage(message), new EditRootMessage()], "acknowledge", user.Id);
        return Accepted(incident, MessageContent.Plain($"You acknowledged {incident.Id}."));
    }

    private async Task<InboundOutcome> CloseAsync(Scope s, Incident incident)
    {
        if (!IncidentLifecycle.CanMove(incident.Status, IncidentStatus.Closed))
        {
            return InboundOutcome.Refused(IncidentLifecycle.Refusal(incident.Id, incident.Status, IncidentStatus.Closed));
        }

        var closed = incident with { Status = IncidentStatus.Closed, ClosedAt = s.Now };
        var entry = Entry(s, incident, TimelineKind.StatusChanged, $"Status: {incident.Status} → Closed", nameof(IncidentStatus.Closed));
        var upload = await DraftAsync(s, closed, entry, $"🔒 {incident.Id} closed by ");
        await ApplyAsync(s, closed, [entry], [upload, new EditRootMessage()], "close", string.Empty);
        return Accepted(incident, MessageContent.Plain(
            $"{incident.Id} closed. The postmortem draft is in the thread and at /api/incidents/{incident.Id}/postmortem.md."));
    }

    private async Task<InboundOutcome> ReopenAsync(Scope s, Incident incident, string? text)
    {
        if (incident.Status.IsActive())
        {
            return InboundOutcome.Refused($"{incident.Id} is open ({incident.Status}): there is nothing to reopen.");
        }

        var reopened = incident with
        {
            Status = IncidentStatus.Investigating,
            ReopenedAt = s.Now,
            ResolvedAt = null,
            ClosedAt = null,
            MonitoringReminderSent = false,
            PostmortemRemindersSent = 0,
        };
        var builder = new MessageBuilder().Text($"↩️ {incident.Id} reopened by ").Mention(s.Context.User.Id).Text(": back to Investigating");
        if (text is not null)
        {
            reopened = reopened with { LastUpdateAt = s.Now, LastUpdateText = text };
            builder.Text(": ").Text(text);
        }

        var entryText = $"Reopened: {incident.Status} → Investigating" + (text is null ? string.Empty : $" — {text}");
        await ApplyAsync(s, reopened,
            [Entry(s, incident, TimelineKind.StatusChanged, entryText, nameof(IncidentStatus.Investigating))],
            [new PostThreadMessage(builder.Text(".").Build()), new EditRootMessage()], "reopen", string.Empty);
        return Accepted(incident, MessageContent.Plain($"{incident.Id} reopened."));
    }

    private static async Task<InboundOutcome> TimelineAsync(Scope s, Incident incident)
    {
        var entries = (await s.Uow.GetTimelineAsync(incident.Id, s.Cancellation)).Where(e => !e.Deleted).OrderBy(e => e.At).ToList();
        var builder = new MessageBuilder().Bold($"Timeline of {incident.Id} {incident.Label}");
        if (entries.Count > TimelineReplyLines)
        {
            builder.Line().Text($"… {entries.Count - TimelineReplyLines} earlier entries: /api/incidents/{incident.Id}");
        }

        foreach (var entry in entries.Skip(Math.Max(0, entries.Count - TimelineReplyLines)))
        {
            builder.Line().Time(entry.At).Text($" — {entry.Author?.Name ?? "IncidentBot"} — {(entry.Key ? "📌 " : string.Empty)}{entry.Text}");
        }

        return Accepted(incident, builder.Build());
    }

    private async Task<InboundOutcome> PostmortemAsync(Scope s, Incident incident, PostmortemCommand command)
    {
        if (command.Done)
        {
            if (incident.PostmortemDoneAt is not null)
            {
                return InboundOutcome.Refused($"The postmortem of {incident.Id} is already marked done.");
            }

            var done = incident with { PostmortemDoneAt = s.Now, PostmortemLink = command.Link };
            var builder = new MessageBuilder().Text($"📘 Postmortem of {incident.Id} marked done by ").Mention(s.Context.User.Id);
            builder.Text(command.Link is { } link ? $": {link}" : ".");
            await ApplyAsync(s, done, [Entry(s, incident, TimelineKind.PostmortemDone, "Postmortem done" + (command.Link is { } l ? $": {l}" : string.Empty), command.Link)],
                [new PostThreadMessage(builder.Build())], "postmortem_done", command.Link ?? string.Empty);
            return Accepted(incident, MessageContent.Plain($"Postmortem of {incident.Id} recorded as done; no more reminders."));
        }

        var entry = Entry(s, incident, TimelineKind.PostmortemGenerated, "Postmortem draft regenerated", null);
        var upload = await DraftAsync(s, incident, entry, "📄 Postmortem draft regenerated by ");
        await ApplyAsync(s, incident, [entry], [upload], "postmortem", string.Empty);
        return Accepted(incident, MessageContent.Plain(
            $"Postmortem draft of {incident.Id} regenerated: in the thread and at /api/incidents/{incident.Id}/postmortem.md."));
    }

    private static async Task<InboundOutcome> ListAsync(Scope s)
    {
        var open = await s.Uow.ListOpenAsync(s.Context.Workspace, null, s.Cancellation);
        if (open.Count == 0)
        {
            return new InboundOutcome(InboundResult.Accepted, MessageContent.Plain("No open incidents. 🎉"), null);
        }

        var builder = new MessageBuilder().Bold($"{open.Count} open incident{(open.Count == 1 ? string.Empty : "s")}");
        foreach (var i in open)
        {
            builder.Line().Text($"{i.Id} {i.Label} — {i.Status} — commander {i.Commander.Name} — declared ").Time(i.DeclaredAt, TimestampStyle.Relative);
        }

        return new InboundOutcome(InboundResult.Accepted, builder.Build(), null);
    }

    /// <summary>Renders and stores the draft, including the entry being written now, and returns its upload.</summary>
    private async Task<UploadFile> DraftAsync(Scope s, Incident incident, TimelineEntry pending, string lead)
    {
        var timeline = (await s.Uow.GetTimelineAsync(incident.Id, s.Cancellation)).Append(pending).ToList();
        var actions = await s.Uow.GetActionItemsAsync(incident.Id, s.Cancellation);
        var markdown = PostmortemRenderer.Render(incident, timeline, actions, policy);
        await s.Uow.SavePostmortemAsync(incident.Id, markdown, s.Now, s.Cancellation);
        var builder = new MessageBuilder().Text(lead).Mention(s.Context.User.Id).Text(". ");
        if (incident.ResolvedAt is { } resolved)
        {
            builder.Text($"Declared to resolved: {Durations.Format(resolved - incident.DeclaredAt)}. ");
        }

        if (policy.For(incident.Severity).PostmortemWithin is { } within && incident.ResolvedAt is { } r)
        {
            builder.Text("Postmortem due ").Time(r + within, TimestampStyle.DateTime).Text(". ");
        }

        builder.Text($"Draft attached; also at /api/incidents/{incident.Id}/postmortem.md.");
        return new UploadFile(PostmortemRenderer.FileName(incident), $"Postmortem draft — {incident.Id} {incident.Label}", markdown, builder.Build());
    }

    private static TimelineEntry Entry(Scope s, Incident incident, TimelineKind kind, string text, string? detail) => new()
    {
        IncidentId = incident.Id,
        At = s.Now,
        Kind = kind,
        Author = s.Context.User,
        Text = text,
        Detail = detail,
    };
}

using IncidentBot.Core.Commands;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Postmortems;
using static IncidentBot.Core.Handling.ApplyStep;

namespace IncidentBot.Core.Handling;

/// <summary>Declare, severity, status moves, resolve, close, reopen and the postmortem draft.</summary>
internal sealed class LifecycleUseCases(IncidentPolicy policy, ApplyStep apply)
{
    public async Task<InboundOutcome> DeclareAsync(UseCaseScope s, DeclareCommand declare, CommandInvoked invoked)
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
        await apply.ApplyAsync(s, incident, [entry], intents, "declare", incident.Label);
        return Accepted(incident, MessageContent.Plain(
            $"Declared {id}: {incident.Label}. Its thread is opening now"
            + (invoked.ReplyHandle is null ? " in the incidents channel." : "; I will send you the link.")));
    }

    public async Task<InboundOutcome> SeverityAsync(UseCaseScope s, Incident incident, Severity severity)
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
        await apply.ApplyAsync(s, updated,
            [Entry(s, incident, TimelineKind.SeverityChanged, $"Severity {incident.Severity.Label()} → {severity.Label()}", severity.Label())],
            [new PostThreadMessage(message), new EditRootMessage()], "severity", severity.Label());
        return Accepted(incident, MessageContent.Plain($"{incident.Id} is now {severity.Label()}."));
    }

    public async Task<InboundOutcome> MoveAsync(UseCaseScope s, Incident incident, IncidentStatus to, string? text)
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
        await apply.ApplyAsync(s, updated, [Entry(s, incident, TimelineKind.StatusChanged, entryText, to.ToString())],
            [new PostThreadMessage(builder.Build()), new EditRootMessage()], "status", to.ToString());
        return Accepted(incident, MessageContent.Plain($"{incident.Id} is now {to}."));
    }

    public async Task<InboundOutcome> CloseAsync(UseCaseScope s, Incident incident)
    {
        if (!IncidentLifecycle.CanMove(incident.Status, IncidentStatus.Closed))
        {
            return InboundOutcome.Refused(IncidentLifecycle.Refusal(incident.Id, incident.Status, IncidentStatus.Closed));
        }

        var closed = incident with { Status = IncidentStatus.Closed, ClosedAt = s.Now };
        var entry = Entry(s, incident, TimelineKind.StatusChanged, $"Status: {incident.Status} → Closed", nameof(IncidentStatus.Closed));
        var upload = await DraftAsync(s, closed, entry, $"🔒 {incident.Id} closed by ");
        await apply.ApplyAsync(s, closed, [entry], [upload, new EditRootMessage()], "close", string.Empty);
        return Accepted(incident, MessageContent.Plain(
            $"{incident.Id} closed. The postmortem draft is in the thread and at /api/incidents/{incident.Id}/postmortem.md."));
    }

    public async Task<InboundOutcome> ReopenAsync(UseCaseScope s, Incident incident, string? text)
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
        await apply.ApplyAsync(s, reopened,
            [Entry(s, incident, TimelineKind.StatusChanged, entryText, nameof(IncidentStatus.Investigating))],
            [new PostThreadMessage(builder.Text(".").Build()), new EditRootMessage()], "reopen", string.Empty);
        return Accepted(incident, MessageContent.Plain($"{incident.Id} reopened."));
    }

    public async Task<InboundOutcome> PostmortemAsync(UseCaseScope s, Incident incident, PostmortemCommand command)
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
            await apply.ApplyAsync(s, done, [Entry(s, incident, TimelineKind.PostmortemDone, "Postmortem done" + (command.Link is { } l ? $": {l}" : string.Empty), command.Link)],
                [new PostThreadMessage(builder.Build())], "postmortem_done", command.Link ?? string.Empty);
            return Accepted(incident, MessageContent.Plain($"Postmortem of {incident.Id} recorded as done; no more reminders."));
        }

        var entry = Entry(s, incident, TimelineKind.PostmortemGenerated, "Postmortem draft regenerated", null);
        var upload = await DraftAsync(s, incident, entry, "📄 Postmortem draft regenerated by ");
        await apply.ApplyAsync(s, incident, [entry], [upload], "postmortem", string.Empty);
        return Accepted(incident, MessageContent.Plain(
            $"Postmortem draft of {incident.Id} regenerated: in the thread and at /api/incidents/{incident.Id}/postmortem.md."));
    }

    /// <summary>Renders and stores the draft, including the entry being written now, and returns its upload.</summary>
    private async Task<UploadFile> DraftAsync(UseCaseScope s, Incident incident, TimelineEntry pending, string lead)
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
}

using IncidentBot.Core.Handling;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Core.Alerts;

public sealed partial class AlertService
{
    /// <summary>Starts every note the bot writes to PagerDuty, so their <c>incident.annotated</c> echo is recognised.</summary>
    public const string NoteMarker = "[IncidentBot]";

    /// <summary>
    /// A PagerDuty event about its incident. Our own changes come back as events too (we acknowledged, PagerDuty tells
    /// us it is acknowledged): they find the incident already in that state and change nothing.
    /// </summary>
    private async Task<InboundOutcome> PageAsync(Scope s, PageEvent page)
    {
        var link = await s.Uow.FindPagerDutyLinkAsync(page.IncidentId, s.Cancellation);
        var incident = link is null ? null : await s.Uow.GetAsync(s.Context.Workspace, link.IncidentId, s.Cancellation);
        if (page.Kind == PageEventKind.Triggered)
        {
            return incident is not null ? InboundOutcome.Ignored : await TriggeredAsync(s, page);
        }

        if (incident is null)
        {
            return InboundOutcome.Ignored;
        }

        var who = page.Agent ?? "PagerDuty";
        switch (page.Kind)
        {
            case PageEventKind.Acknowledged when incident.AcknowledgedAt is null && incident.Status.IsActive():
                var user = new UserRef("pagerduty:" + who, who);
                var after = Durations.Format(s.Now - incident.DeclaredAt);
                var acknowledged = incident with { AcknowledgedAt = s.Now, AcknowledgedBy = user };
                var ack = new MessageBuilder().Text($"✅ Acknowledged in PagerDuty by {who} after {after}.").Build();
                await ApplyAsync(s, acknowledged,
                    [Entry(s, incident.Id, TimelineKind.Acknowledged, $"Acknowledged by {who} (PagerDuty) after {after}", user.Id) with { Author = user }],
                    [new PostThreadMessage(ack), new EditRootMessage()], "acknowledge", "pagerduty");
                return Accepted(incident.Id);
            case PageEventKind.Resolved when incident.Status.IsActive():
                var resolved = new MessageBuilder().Text($"☑️ PagerDuty {page.Label} was resolved by {who}.").Line()
                    .Text($"{incident.Id} is still {incident.Status}: resolve it here too when you are satisfied.")
                    .Button(ButtonAction.Resolve).Build();
                return await PageNoteAsync(s, incident, $"PagerDuty {page.Label} resolved by {who}", new PostThreadMessage(resolved));
            case PageEventKind.Reassigned:
                var to = page.Assignees.Count == 0 ? "nobody" : string.Join(", ", page.Assignees);
                return await PageNoteAsync(s, incident, $"PagerDuty {page.Label} reassigned to {to} by {who}", null);
            case PageEventKind.Annotated when page.Note is { Length: > 0 } note && !note.StartsWith(NoteMarker, StringComparison.Ordinal):
                return await PageNoteAsync(s, incident, $"PagerDuty note by {who}: {note}", null);
            default:
                return InboundOutcome.Ignored;
        }
    }

    private async Task<InboundOutcome> TriggeredAsync(Scope s, PageEvent page)
    {
        var linkText = $"PagerDuty {page.Label}" + (page.Url is { } url ? $" ({url})" : string.Empty);
        var named = page.Mentions.SelectMany(m => m.Split(NotInId.ToCharArray(), StringSplitOptions.RemoveEmptyEntries))
            .Select(w => IncidentId.TryParse(w, out var i) ? i : (IncidentId?)null).FirstOrDefault(i => i is not null);
        if (named is { } id
            && await s.Uow.GetAsync(s.Context.Workspace, id, s.Cancellation) is { IsOpen: true } existing
            && await s.Uow.GetPagerDutyLinkAsync(existing.Id, s.Cancellation) is null)
        {
            await s.Uow.SavePagerDutyLinkAsync(new PagerDutyLink(existing.Id, page.IncidentId, page.Url, s.Now), s.Cancellation);
            var linked = new MessageBuilder().Text($"📟 Linked to {linkText}, which names {existing.Id}.").Build();
            return await PageNoteAsync(s, existing, $"Linked to {linkText}", new PostThreadMessage(linked));
        }

        var severity = rules.SeverityOf(page);
        var assigned = page.Assignees.Count == 0 ? string.Empty : $" — assigned to {string.Join(", ", page.Assignees)}";
        var details = new MessageBuilder().Bold("PagerDuty says:").Line()
            .Text($"📟 {linkText} triggered — urgency {page.Urgency ?? "unknown"}"
                + (page.Priority is { } p ? $", priority {p}" : string.Empty) + assigned).Build();
        var entry = Entry(s, default, TimelineKind.Page, $"PagerDuty {page.Label} triggered{assigned}", page.IncidentId) with { At = page.OccurredAt };
        var incident = await DeclareAsync(
            s, AlertRules.Fit(page.Title), severity, s.Context.User, s.Context.ChannelId, "a PagerDuty page", page.OccurredAt, [entry], details);
        await s.Uow.SavePagerDutyLinkAsync(new PagerDutyLink(incident.Id, page.IncidentId, page.Url, s.Now), s.Cancellation);
        return Accepted(incident.Id);
    }

    /// <summary>A PagerDuty event that goes on the timeline (and, with <paramref name="message"/>, into the thread).</summary>
    private async Task<InboundOutcome> PageNoteAsync(Scope s, Incident incident, string text, OutboundIntent? message)
    {
        var intents = message is null ? new List<OutboundIntent>() : [message];
        intents.Add(new EditRootMessage());
        await ApplyAsync(s, incident, [Entry(s, incident.Id, TimelineKind.Page, text, null)], intents, "pagerduty", text);
        return Accepted(incident.Id);
    }

    /// <summary>What separates an <c>INC-42</c> from the words around it in a PagerDuty title or incident key.</summary>
    private const string NotInId = " \t\n,;:.()[]/\"'";
}

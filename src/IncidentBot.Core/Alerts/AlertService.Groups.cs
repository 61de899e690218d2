using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Core.Alerts;

public sealed partial class AlertService
{
    /// <summary>
    /// One group is one incident while that incident is open; a group below the declare threshold gets one "declare?"
    /// notice. A resolved group is noted, never resolved for people: flapping alerts must not open and close incidents
    /// (reference/alerting.md §5).
    /// </summary>
    private async Task<InboundOutcome> GroupAsync(Scope s, AlertGroup group)
    {
        var link = await s.Uow.FindAlertGroupAsync(s.Context.Workspace, group.Source, group.GroupKey, s.Cancellation);
        var incident = link?.IncidentId is { } linked ? await s.Uow.GetAsync(s.Context.Workspace, linked, s.Cancellation) : null;
        if (incident is { IsOpen: true })
        {
            return await FollowUpAsync(s, link!, incident, group);
        }

        var severity = rules.SeverityOf(group);
        if (link is { IncidentId: null } suggestion)
        {
            // Still waiting for a person: keep the notice current; a group that grew severe enough declares now.
            var current = suggestion with
            {
                Severity = severity < suggestion.Severity ? severity : suggestion.Severity,
                Resolved = !group.Firing,
                Details = Details(group),
            };
            if (group.Firing && rules.Declares(current.Severity))
            {
                var declared = await DeclareGroupAsync(s, current, group.Alerts);
                return Accepted(declared.Id);
            }

            await s.Uow.SaveAlertGroupAsync(current, s.Cancellation);
            return Accepted(null);
        }

        if (!group.Firing)
        {
            // A resolved group the bot never saw firing (or whose incident is closed) has nothing left to say.
            return InboundOutcome.Ignored;
        }

        var fresh = new AlertGroupLink
        {
            Workspace = s.Context.Workspace,
            ChannelId = s.Context.ChannelId,
            Source = group.Source,
            GroupKey = group.GroupKey,
            Title = AlertRules.TitleOf(group),
            Severity = severity,
            DetectedAt = group.Alerts.Count == 0 ? s.Now : group.Alerts.Min(a => a.StartsAt),
            CreatedAt = s.Now,
            Details = Details(group),
        };
        if (rules.Declares(severity))
        {
            var declared = await DeclareGroupAsync(s, fresh, group.Alerts);
            return Accepted(declared.Id);
        }

        await s.Uow.SaveAlertGroupAsync(fresh with { NoticePending = true }, s.Cancellation);
        return Accepted(null);
    }

    private async Task<Incident> DeclareGroupAsync(Scope s, AlertGroupLink link, IReadOnlyList<Alert> alerts)
    {
        var origin = $"{AlertText.SourceName(link.Source)} alert";
        var details = alerts.Select(a => AlertEntry(s, default, a, AlertText.Describe(a)));
        var message = DetailMessage($"{AlertText.SourceName(link.Source)} says:", link.Details);
        var incident = await DeclareAsync(s, link.Title, link.Severity, s.Context.User, link.ChannelId, origin, link.DetectedAt, details, message);
        await s.Uow.SaveAlertGroupAsync(link with { IncidentId = incident.Id, NoticePending = false }, s.Cancellation);
        return incident;
    }

    /// <summary>A later notification of an open incident's group: what is new goes into its thread and timeline.</summary>
    private async Task<InboundOutcome> FollowUpAsync(Scope s, AlertGroupLink link, Incident incident, AlertGroup group)
    {
        var known = (await s.Uow.GetTimelineAsync(incident.Id, s.Cancellation))
            .Where(e => e.Kind == TimelineKind.Alert).Select(e => e.Text).ToHashSet(StringComparer.Ordinal);
        var news = group.Alerts.Select(a => (Alert: a, Text: AlertText.Describe(a))).Where(a => !known.Contains(a.Text)).ToList();
        var entries = news.Select(n => AlertEntry(s, incident.Id, n.Alert, n.Text)).ToList();
        var intents = new List<OutboundIntent>();
        var source = AlertText.SourceName(link.Source);
        if (!group.Firing && !link.Resolved)
        {
            var builder = new MessageBuilder().Text($"✅ Alert resolved: {source} reports every alert of this group resolved.").Line()
                .Text($"{incident.Id} stays {incident.Status}: resolve it when you are satisfied.");
            if (incident.Status.IsActive())
            {
                builder.Button(ButtonAction.Resolve);
            }

            entries.Add(Entry(s, incident.Id, TimelineKind.Alert, $"Alert resolved ({source}): {link.Title}", "resolved"));
            intents.Add(new PostThreadMessage(builder.Build()));
        }
        else if (news.Count > 0)
        {
            var lead = group.Firing && link.Resolved ? $"🔥 Firing again ({source}):" : $"🔔 {source} update:";
            intents.Add(new PostThreadMessage(DetailMessage(lead, string.Join('\n', news.Select(n => n.Text)))));
        }

        if (entries.Count == 0)
        {
            return InboundOutcome.Ignored;
        }

        intents.Add(new EditRootMessage());
        await s.Uow.SaveAlertGroupAsync(link with { Resolved = !group.Firing }, s.Cancellation);
        await ApplyAsync(s, incident, entries, intents, "alert", group.Firing ? "firing" : "resolved");
        return Accepted(incident.Id);
    }

    /// <summary>The Declare button under a notice: declares once, with the person as declarer and commander.</summary>
    private async Task<InboundOutcome> DeclareClickedAsync(Scope s, long noticeId)
    {
        if (await s.Uow.GetAlertGroupAsync(s.Context.Workspace, noticeId, s.Cancellation) is not { } link)
        {
            return InboundOutcome.Refused("That alert is not known here any more.");
        }

        if (link.IncidentId is { } existing)
        {
            return InboundOutcome.Refused($"{existing} was already declared for this alert.");
        }

        var origin = $"{AlertText.SourceName(link.Source)} alert (Declare pressed by {s.Context.User.Name})";
        var message = DetailMessage($"{AlertText.SourceName(link.Source)} says:", link.Details
            + (link.Resolved ? "\n(The alert has resolved since.)" : string.Empty));
        var incident = await DeclareAsync(s, link.Title, link.Severity, s.Context.User, link.ChannelId, origin, link.DetectedAt, [], message);
        await s.Uow.SaveAlertGroupAsync(link with { IncidentId = incident.Id, NoticePending = false }, s.Cancellation);
        return Accepted(incident.Id, $"Declared {incident.Id}: {incident.Label}. Its thread is opening now in the incidents channel.");
    }

    /// <summary>The notice a person sees for a group below the declare threshold; the platform adds the Declare button.</summary>
    public static MessageContent NoticeContent(AlertGroupLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new MessageBuilder()
            .Text($"🔔 {AlertText.SourceName(link.Source)} alert ").Bold($"[{link.Severity.Label()}] {link.Title}")
            .Text(" is firing since ").Time(link.DetectedAt).Text(". It is below the declare threshold: declare an incident?").Line()
            .Text(link.Details)
            .Build();
    }

    private static string Details(AlertGroup group)
    {
        var lines = group.Alerts.Take(10).Select(AlertText.Describe).ToList();
        if (group.Alerts.Count > 10)
        {
            lines.Add($"… and {group.Alerts.Count - 10} more alerts");
        }

        if (group.TruncatedAlerts > 0)
        {
            lines.Add($"… and {group.TruncatedAlerts} more the sender left out (max_alerts)");
        }

        return string.Join('\n', lines);
    }

    /// <summary>An alert's timeline line, at the time it fired (or ended), not when the bot heard of it.</summary>
    private static TimelineEntry AlertEntry(Scope s, IncidentId id, Alert alert, string text) =>
        Entry(s, id, TimelineKind.Alert, text, alert.Fingerprint) with { At = alert.Firing ? alert.StartsAt : alert.EndsAt ?? s.Now };

    private static MessageContent DetailMessage(string lead, string details) =>
        new MessageBuilder().Bold(lead).Line().Text(details).Build();
}

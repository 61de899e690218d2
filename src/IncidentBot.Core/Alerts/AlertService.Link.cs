using IncidentBot.Core.Commands;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Core.Alerts;

public sealed partial class AlertService
{
    /// <summary><c>pagerduty [INC-n] &lt;id or URL&gt;</c>: links by hand, so acks, resolves and updates sync both ways.</summary>
    private static async Task<InboundOutcome> LinkAsync(Scope s, PagerDutyCommand command)
    {
        if (await TargetAsync(s, command.Target) is not { } incident)
        {
            return InboundOutcome.Refused(command.Target is { } id
                ? $"Unknown incident {id}. `list` shows the open incidents of this workspace."
                : $"Name the incident to link: `{CommandUsage.For("pagerduty").Replace("[INC-n]", "INC-42", StringComparison.Ordinal)}`.");
        }

        if (await s.Uow.FindPagerDutyLinkAsync(command.PagerDutyId, s.Cancellation) is { } taken)
        {
            return InboundOutcome.Refused(taken.IncidentId == incident.Id
                ? $"{incident.Id} is already linked to PagerDuty incident {command.PagerDutyId}."
                : $"PagerDuty incident {command.PagerDutyId} is already linked to {taken.IncidentId}.");
        }

        if (await s.Uow.GetPagerDutyLinkAsync(incident.Id, s.Cancellation) is { } other)
        {
            return InboundOutcome.Refused($"{incident.Id} is already linked to PagerDuty incident {other.PagerDutyId}.");
        }

        await s.Uow.SavePagerDutyLinkAsync(new PagerDutyLink(incident.Id, command.PagerDutyId, command.Url, s.Now), s.Cancellation);
        var text = $"Linked to PagerDuty incident {command.PagerDutyId}" + (command.Url is { } url ? $" ({url})" : string.Empty);
        var message = new MessageBuilder().Text($"🔗 {text} by ").Mention(s.Context.User.Id)
            .Text(". Acknowledging, resolving and updates here now reach PagerDuty.").Build();
        await s.Uow.SaveAsync(incident, s.Cancellation);
        await s.Uow.AddTimelineAsync(Entry(s, incident.Id, TimelineKind.Page, text, command.PagerDutyId), s.Cancellation);
        await s.Uow.EnqueueAsync(incident.Id, new PostThreadMessage(message), s.Now, s.Cancellation);
        await s.Uow.EnqueueAsync(incident.Id, new EditRootMessage(), s.Now, s.Cancellation);
        await s.Uow.AddAuditAsync(
            new AuditEntry(s.Context.Workspace, incident.Id, s.Now, s.Context.User.Id, "pagerduty_link", command.PagerDutyId), s.Cancellation);
        return Accepted(incident.Id, $"{incident.Id} is linked to PagerDuty incident {command.PagerDutyId}.");
    }

    /// <summary>The named incident, else the thread's, else the only open one in the channel (as for every command).</summary>
    private static async Task<Incident?> TargetAsync(Scope s, IncidentId? target)
    {
        if (target is { } id)
        {
            return await s.Uow.GetAsync(s.Context.Workspace, id, s.Cancellation);
        }

        if (s.Context.ThreadId is { } thread
            && await s.Uow.FindByThreadAsync(s.Context.Workspace, thread, s.Cancellation) is { } inThread
            && (inThread.Workspace.Platform != Platform.Slack || inThread.ChannelId == s.Context.ChannelId))
        {
            return inThread;
        }

        var open = await s.Uow.ListOpenAsync(s.Context.Workspace, s.Context.ChannelId, s.Cancellation);
        return open.Count == 1 ? open[0] : null;
    }
}

using IncidentBot.Core.Commands;
using IncidentBot.Core.Handling;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Reminders;

namespace IncidentBot.Core.Alerts;

/// <summary>
/// The alerting use cases (DESIGN.md §9): alert groups declare or offer to declare, PagerDuty events follow their
/// linked incident, and <c>pagerduty</c> links one by hand. As in <see cref="IncidentService"/>, each input is one
/// transaction with its natural key, and nothing is said on the request path: it is all queued in the outbox.
/// Changes made here go through the undecorated store, so they never echo back to PagerDuty.
/// </summary>
public sealed partial class AlertService(IAlertStore store, IncidentPolicy policy, AlertRules rules, TimeProvider time)
{
    /// <summary>Whether this input is one of the alerting inputs (including the <c>pagerduty</c> command).</summary>
    public static bool Handles(InboundEvent inbound) => inbound switch
    {
        AlertGroupReceived or PageEventReceived or AlertDeclareClicked => true,
        CommandInvoked c => CommandParser.Parse(c.Text) is { Success: true, Command: PagerDutyCommand },
        _ => false,
    };

    public async Task<InboundOutcome> HandleAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var now = time.GetUtcNow();
        await using var uow = await store.BeginAsync(cancellationToken);
        if (!await uow.TryRecordInboundAsync(inbound.Context.Workspace, inbound.Context.DedupKey, now, cancellationToken))
        {
            return InboundOutcome.Duplicate;
        }

        var s = new Scope(uow, inbound.Context, now, cancellationToken);
        var outcome = inbound switch
        {
            AlertGroupReceived g => await GroupAsync(s, g.Group),
            PageEventReceived p => await PageAsync(s, p.Page),
            AlertDeclareClicked d => await DeclareClickedAsync(s, d.NoticeId),
            CommandInvoked c when CommandParser.Parse(c.Text).Command is PagerDutyCommand link => await LinkAsync(s, link),
            _ => InboundOutcome.Ignored,
        };

        if (outcome.Result == InboundResult.Accepted)
        {
            await uow.CommitAsync(cancellationToken);
        }

        return outcome;
    }

    /// <summary>A new incident declared for an alert or a page, with its root, thread and first messages queued.</summary>
    private async Task<Incident> DeclareAsync(
        Scope s, string title, Severity severity, UserRef declarer, string channelId, string origin, DateTimeOffset detectedAt,
        IEnumerable<TimelineEntry> details, MessageContent? detailMessage)
    {
        var id = await s.Uow.NextIncidentIdAsync(s.Cancellation);
        var incident = new Incident
        {
            Id = id,
            Workspace = s.Context.Workspace,
            ChannelId = channelId,
            Title = title,
            Severity = severity,
            Commander = declarer,
            DeclaredBy = declarer,
            DeclaredAt = s.Now,
        };
        var rulesOf = policy.For(severity);
        var welcome = new MessageBuilder()
            .Text($"🚨 {id} declared from {origin}. Detected ").Time(detectedAt)
            .Text($", declared {Durations.Format(s.Now - detectedAt)} later.").Line()
            .Text(rulesOf.AckWithin is { } ack
                ? $"Acknowledge within {Durations.Format(ack)}: react 👀 on the status message, press Acknowledge, or `ack`."
                : "Acknowledge by 09:00 next business day: react 👀 on the status message, press Acknowledge, or `ack`.")
            .Line().Text("Press Take command on the status message to lead it. Everything said in this thread goes on the timeline.")
            .Build();
        var intents = new List<OutboundIntent> { new PostRootMessage(), new OpenThread(), new PostThreadMessage(welcome) };
        if (detailMessage is not null)
        {
            intents.Add(new PostThreadMessage(detailMessage));
        }

        var entries = new List<TimelineEntry>
        {
            Entry(s, id, TimelineKind.Detected, $"Detected by {origin}", null) with { At = detectedAt },
            Entry(s, id, TimelineKind.Declared, $"Declared {incident.Label} from {origin}; commander {declarer.Name}", severity.Label()),
        };
        entries.AddRange(details.Select(d => d with { IncidentId = id }));
        await ApplyAsync(s, incident, entries, intents, "declare", origin);
        return incident;
    }

    /// <summary>Saves the incident with its re-planned reminder time, then its timeline, outbox and audit rows.</summary>
    private async Task ApplyAsync(
        Scope s, Incident incident, IEnumerable<TimelineEntry> entries, IEnumerable<OutboundIntent> intents, string action, string detail)
    {
        await s.Uow.SaveAsync(incident with { NextReminderAt = ReminderPlanner.NextDue(incident, policy) }, s.Cancellation);
        foreach (var entry in entries)
        {
            await s.Uow.AddTimelineAsync(entry, s.Cancellation);
        }

        foreach (var intent in intents)
        {
            await s.Uow.EnqueueAsync(incident.Id, intent, s.Now, s.Cancellation);
        }

        await s.Uow.AddAuditAsync(
            new AuditEntry(s.Context.Workspace, incident.Id, s.Now, s.Context.User.Id, action, detail), s.Cancellation);
    }

    private static TimelineEntry Entry(Scope s, IncidentId id, TimelineKind kind, string text, string? detail) => new()
    {
        IncidentId = id,
        At = s.Now,
        Kind = kind,
        Author = s.Context.User,
        Text = text,
        Detail = detail,
    };

    private static InboundOutcome Accepted(IncidentId? id, string? reply = null) =>
        new(InboundResult.Accepted, reply is null ? null : MessageContent.Plain(reply), id);

    private sealed record Scope(IAlertUnitOfWork Uow, InboundContext Context, DateTimeOffset Now, CancellationToken Cancellation);
}

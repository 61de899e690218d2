using IncidentBot.Core.Alerts;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Reminders;

namespace IncidentBot.Core.Handling;

/// <summary>
/// Turns due clocks into reminders. The reminder message, its timeline entry and the stamp that advances the
/// clock commit together, so a crash can neither lose nor repeat one. Due incidents are taken a batch per
/// transaction: with thousands of open incidents, one commit (one disk sync) per reminder would make them late.
/// </summary>
public sealed class ReminderRunner(IIncidentStore store, IncidentPolicy policy)
{
    private const int Batch = 100;

    /// <summary>Sends every reminder due at <paramref name="now"/>; returns what was sent.</summary>
    public async Task<IReadOnlyList<SentReminder>> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = new List<SentReminder>();
        while (true)
        {
            var due = await store.GetDueIncidentsAsync(now, Batch, cancellationToken);
            if (due.Count > 0)
            {
                await using var uow = await store.BeginAsync(cancellationToken);
                var batch = new List<SentReminder>();
                foreach (var id in due)
                {
                    batch.AddRange(await RunOneAsync(uow, id, now, cancellationToken));
                }

                await uow.CommitAsync(cancellationToken);
                sent.AddRange(batch);
            }

            if (due.Count < Batch)
            {
                return sent;
            }
        }
    }

    private async Task<IReadOnlyList<SentReminder>> RunOneAsync(IIncidentUnitOfWork uow, IncidentId id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await uow.GetForReminderAsync(id, cancellationToken) is not { } incident)
        {
            return [];
        }

        var sent = new List<SentReminder>();
        var updated = incident;
        foreach (var clock in ReminderPlanner.DueAt(incident, policy, now))
        {
            var message = Compose(incident, clock.Kind, now);
            await uow.EnqueueAsync(id, new PostThreadMessage(message), now, cancellationToken);
            await uow.AddTimelineAsync(new TimelineEntry
            {
                IncidentId = id,
                At = now,
                Kind = TimelineKind.Reminder,
                Text = ReminderText(clock.Kind, incident, now),
                Detail = clock.Kind.ToString(),
            }, cancellationToken);
            updated = ReminderPlanner.Stamp(updated, clock.Kind, policy, now);
            sent.Add(new SentReminder(id, clock.Kind, clock.DueAt, now));
        }

        // Save even when nothing fired: the stored plan was stale (e.g. written under an older policy).
        var planned = updated with { NextReminderAt = ReminderPlanner.NextDue(updated, policy) };
        await uow.SaveAsync(planned, cancellationToken);
        if (sent.Count > 0)
        {
            await uow.EnqueueAsync(id, new EditRootMessage(), now, cancellationToken);
            await uow.AddAuditAsync(new AuditEntry(incident.Workspace, id, now, "incidentbot", "reminder",
                string.Join(',', sent.Select(r => r.Kind))), cancellationToken);
        }

        return sent;
    }

    private MessageContent Compose(Incident incident, ReminderKind kind, DateTimeOffset now)
    {
        var builder = new MessageBuilder();
        switch (kind)
        {
            case ReminderKind.Acknowledge:
                builder.Escalation().Text($" ⏰ {incident.Id} {incident.Label} is not acknowledged after {Durations.Format(now - incident.DeclaredAt)}. ")
                    .Text("React 👀 on the status message, press Acknowledge, or `ack`.")
                    .Button(ButtonAction.Acknowledge);
                break;
            case ReminderKind.Update:
                var since = now - (incident.LastUpdateAt ?? incident.DeclaredAt);
                var every = policy.For(incident.Severity).UpdateEvery ?? TimeSpan.Zero;
                Commander(builder, incident)
                    .Text($" ⏰ {incident.Id} needs a status update: ")
                    .Text(incident.LastUpdateAt is null ? $"no update since it was declared {Durations.Format(since)} ago" : $"the last one was {Durations.Format(since)} ago")
                    .Text($" ({incident.Severity.Label()}: every {Durations.Format(every)}). ")
                    .Text($"Post one with `update {incident.Id} <text>` or the Post update button.")
                    .Button(ButtonAction.PostUpdate);
                break;
            case ReminderKind.MonitoringWindow:
                Commander(builder, incident)
                    .Text($" Monitoring window over for {incident.Id} ({Durations.Format(policy.MonitoringWindow)} since resolve) — close?")
                    .Button(ButtonAction.Close);
                break;
            case ReminderKind.Postmortem:
                var dueAt = incident.ResolvedAt + policy.For(incident.Severity).PostmortemWithin;
                Commander(builder, incident).Text($" 📝 The postmortem of {incident.Id} is due ");
                if (dueAt is { } d)
                {
                    builder.Time(d, TimestampStyle.DateTime);
                }

                builder.Text($". Draft: /api/incidents/{incident.Id}/postmortem.md. When it is written: `postmortem {incident.Id} done <link>`.");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        return builder.Build();
    }

    /// <summary>The commander, or the escalation target while an alerting system still holds command (nobody to mention).</summary>
    private static MessageBuilder Commander(MessageBuilder builder, Incident incident) =>
        AlertSenders.IsSender(incident.Commander) ? builder.Escalation() : builder.Mention(incident.Commander.Id);

    private static string ReminderText(ReminderKind kind, Incident incident, DateTimeOffset now) => kind switch
    {
        ReminderKind.Acknowledge => $"Reminder: not acknowledged after {Durations.Format(now - incident.DeclaredAt)}",
        ReminderKind.Update => $"Reminder: update due (last {Durations.Format(now - (incident.LastUpdateAt ?? incident.DeclaredAt))} ago)",
        ReminderKind.MonitoringWindow => "Reminder: monitoring window over — close?",
        ReminderKind.Postmortem => "Reminder: postmortem due",
        _ => kind.ToString(),
    };
}

/// <summary>A reminder that went to the outbox: which clock, when it was due, when it was sent.</summary>
public sealed record SentReminder(IncidentId IncidentId, ReminderKind Kind, DateTimeOffset DueAt, DateTimeOffset SentAt);

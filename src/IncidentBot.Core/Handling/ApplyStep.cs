using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Reminders;

namespace IncidentBot.Core.Handling;

/// <summary>
/// The step every use case ends with: the incident with its re-planned reminder time, its timeline entries, the
/// outbox messages and the audit row, written through the same unit of work so they commit together
/// (DESIGN.md §3 step 2). Also the small helpers the use-case families share.
/// </summary>
internal sealed class ApplyStep(IncidentPolicy policy)
{
    public IncidentPolicy Policy => policy;

    public async Task ApplyAsync(
        UseCaseScope s, Incident incident, IEnumerable<TimelineEntry> entries, IEnumerable<OutboundIntent> intents, string action, string detail)
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

    public static Task AuditAsync(UseCaseScope s, IncidentId? id, string action, string detail) =>
        s.Uow.AddAuditAsync(new AuditEntry(s.Context.Workspace, id, s.Now, s.Context.User.Id, action, detail), s.Cancellation);

    public static InboundOutcome Accepted(Incident incident, MessageContent? reply) =>
        new(InboundResult.Accepted, reply, incident.Id);

    public static string UnknownIncident(IncidentId id) =>
        $"Unknown incident {id}. `list` shows the open incidents of this workspace.";

    public static TimelineEntry Entry(UseCaseScope s, Incident incident, TimelineKind kind, string text, string? detail) => new()
    {
        IncidentId = incident.Id,
        At = s.Now,
        Kind = kind,
        Author = s.Context.User,
        Text = text,
        Detail = detail,
    };

    public static async Task<Incident?> FindThreadIncidentAsync(UseCaseScope s)
    {
        if (s.Context.ThreadId is not { } thread
            || await s.Uow.FindByThreadAsync(s.Context.Workspace, thread, s.Cancellation) is not { } incident)
        {
            return null;
        }

        // A Slack thread id is the root ts, which is unique only within its channel.
        return incident.Workspace.Platform == Platform.Slack && incident.ChannelId != s.Context.ChannelId ? null : incident;
    }
}

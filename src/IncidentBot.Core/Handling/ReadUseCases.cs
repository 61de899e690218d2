using IncidentBot.Core.Commands;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using static IncidentBot.Core.Handling.ApplyStep;

namespace IncidentBot.Core.Handling;

/// <summary>The commands that only read: help, list, timeline. They write nothing, so they never reach the writer.</summary>
internal static class ReadUseCases
{
    private const int TimelineReplyLines = 25;

    /// <summary>
    /// The commands answered here. They record nothing, not even their inbound key, so a redelivery of one has
    /// nothing to be recognised by and is simply answered again.
    /// </summary>
    public static bool OnlyReads(IncidentCommand? command) => command is HelpCommand or ListCommand or TimelineCommand;

    public static InboundOutcome Help(HelpCommand help) =>
        new(InboundResult.Accepted, MessageContent.Plain(CommandUsage.Help(help.Topic)), null);

    public static async Task<InboundOutcome> ListAsync(UseCaseScope s)
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

    public static async Task<InboundOutcome> TimelineAsync(UseCaseScope s, Incident incident)
    {
        // Only the tail is read: the reply costs the same with 10 or 100,000 entries.
        var tail = await s.Uow.GetTimelineTailAsync(incident.Id, TimelineReplyLines, withReminders: true, s.Cancellation);
        var builder = new MessageBuilder().Bold($"Timeline of {incident.Id} {incident.Label}");
        if (tail.Count == TimelineReplyLines && await s.Uow.CountTimelineAsync(incident.Id, s.Cancellation) is var total && total > TimelineReplyLines)
        {
            builder.Line().Text($"… {total - TimelineReplyLines} earlier entries: /api/incidents/{incident.Id}");
        }

        foreach (var entry in tail)
        {
            builder.Line().Time(entry.At).Text($" — {entry.Author?.Name ?? "IncidentBot"} — {(entry.Key ? "📌 " : string.Empty)}{entry.Text}");
        }

        return Accepted(incident, builder.Build());
    }
}

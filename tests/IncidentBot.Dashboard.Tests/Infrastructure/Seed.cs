using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;
using IncidentBot.Testing.Fakes.Slack;

namespace IncidentBot.Dashboard.Tests.Infrastructure;

/// <summary>Writes incidents straight into the store, with chosen timestamps, so the pages have known numbers to show.</summary>
internal sealed class Seed(IIncidentStore store)
{
    public static readonly WorkspaceId Workspace = new(Platform.Slack, FakeSlack.TeamId);
    public static readonly UserRef Jens = new("U0JENS", "Jens");
    public static readonly UserRef Maria = new("U0MARIA", "Maria");

    /// <summary>
    /// One incident and its timeline: declared at <paramref name="declared"/>, acknowledged, updated and resolved
    /// the given minutes after it (null: never).
    /// </summary>
    public async Task<Incident> IncidentAsync(
        string title,
        Severity severity,
        DateTimeOffset declared,
        double? ackAfter = null,
        double[]? updatesAfter = null,
        double? resolvedAfter = null,
        bool closed = false,
        Func<IncidentId, IEnumerable<TimelineEntry>>? more = null,
        string? postmortem = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var uow = await store.BeginAsync(cancellationToken);
        var id = await uow.NextIncidentIdAsync(cancellationToken);
        var at = (double minutes) => declared.AddMinutes(minutes);
        var resolvedAt = resolvedAfter is { } r ? at(r) : (DateTimeOffset?)null;
        var status = closed ? IncidentStatus.Closed : resolvedAt is not null ? IncidentStatus.Resolved : IncidentStatus.Investigating;
        var incident = new Incident
        {
            Id = id,
            Workspace = Workspace,
            ChannelId = SlackPayloads.Channel,
            RootMessageId = $"17000{id.Number:00000}.000100",
            ThreadId = $"17000{id.Number:00000}.000100",
            Title = title,
            Severity = severity,
            Status = status,
            Commander = Jens,
            DeclaredBy = Jens,
            DeclaredAt = declared,
            AcknowledgedAt = ackAfter is { } a ? at(a) : null,
            AcknowledgedBy = ackAfter is null ? null : Maria,
            ResolvedAt = resolvedAt,
            ClosedAt = closed ? resolvedAt?.AddMinutes(30) : null,
            Summary = "Checkout requests time out for a share of customers.",
            Impact = "About 8% of checkouts fail.",
            Responders = [Maria],
        };
        await uow.SaveAsync(incident, cancellationToken);
        await uow.AddTimelineAsync(Entry(id, declared, TimelineKind.Declared, Jens, $"Declared {incident.Label}", severity.Label()), cancellationToken);
        if (incident.AcknowledgedAt is { } acked)
        {
            await uow.AddTimelineAsync(Entry(id, acked, TimelineKind.Acknowledged, Maria, "Acknowledged"), cancellationToken);
        }

        foreach (var minutes in updatesAfter ?? [])
        {
            await uow.AddTimelineAsync(Entry(id, at(minutes), TimelineKind.Update, Jens, $"Update after {minutes} min"), cancellationToken);
        }

        foreach (var entry in more?.Invoke(id) ?? [])
        {
            await uow.AddTimelineAsync(entry, cancellationToken);
        }

        if (resolvedAt is { } resolved)
        {
            await uow.AddTimelineAsync(Entry(id, resolved, TimelineKind.StatusChanged, Jens, "Status: Investigating → Resolved", nameof(IncidentStatus.Resolved)), cancellationToken);
        }

        if (postmortem is not null)
        {
            await uow.SavePostmortemAsync(id, postmortem, resolvedAt ?? declared, cancellationToken);
        }

        await uow.CommitAsync(cancellationToken);
        return incident;
    }

    public static TimelineEntry Entry(IncidentId id, DateTimeOffset at, TimelineKind kind, UserRef? author, string text, string? detail = null) =>
        new() { IncidentId = id, At = at, Kind = kind, Author = author, Text = text, Detail = detail };
}

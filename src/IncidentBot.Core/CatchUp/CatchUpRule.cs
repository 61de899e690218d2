using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;

namespace IncidentBot.Core.CatchUp;

/// <summary>
/// What every front end reads back when it connects after being away (DESIGN.md §2, §11): for each open incident of
/// its platform that has a thread, what was said after the newest message already recorded, and who acknowledged on
/// the status doc while it still can be. What is read goes to Core under the same natural keys as the live events,
/// so anything already recorded is a duplicate; reading too much is harmless, reading too little loses what people said.
/// </summary>
public static class CatchUpRule
{
    public static async Task<IReadOnlyList<CatchUpRead>> PlanAsync(IIncidentReader store, Platform platform, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var reads = new List<CatchUpRead>();
        foreach (var incident in await store.ListAsync(openOnly: true, cancellationToken))
        {
            if (incident.Workspace.Platform != platform || incident.ThreadId is not { } thread)
            {
                continue;
            }

            var timeline = await store.GetTimelineAsync(incident.Id, cancellationToken);
            var newest = timeline.Where(e => e.SourceMessageId is not null).MaxBy(e => e.At)?.SourceMessageId ?? thread;
            reads.Add(new CatchUpRead(incident, thread, newest, incident.RootMessageId is not null && incident.Status.IsActive()));
        }

        return reads;
    }
}

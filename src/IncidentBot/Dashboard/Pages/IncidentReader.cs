using IncidentBot.Core.Dashboard;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Postmortems;
using IncidentBot.Core.StatusDocs;
using IncidentBot.Dashboard.Live;

namespace IncidentBot.Dashboard.Pages;

/// <summary>Reads one incident for a viewer: an incident outside their workspaces is as absent as one that never was.</summary>
internal sealed class IncidentReader(IIncidentReader store, IncidentPolicy policy, PostmortemHtml markdown, IncidentChanges changes, TimeProvider time)
{
    public async Task<Incident?> FindAsync(string id, WorkspaceScope scope, CancellationToken cancellationToken) =>
        IncidentId.TryParse(id, out var incidentId) && await store.FindAsync(incidentId, cancellationToken) is { } incident && scope.Allows(incident.Workspace)
            ? incident
            : null;

    public async Task<IncidentView?> ReadAsync(string id, WorkspaceScope scope, CancellationToken cancellationToken)
    {
        // The version is taken before the reads: a change committed while reading makes the page fetch once more.
        var version = changes.Current;
        if (await FindAsync(id, scope, cancellationToken) is not { } incident)
        {
            return null;
        }

        var timeline = await store.GetTimelineAsync(incident.Id, cancellationToken);
        var actions = await store.GetActionItemsAsync(incident.Id, cancellationToken);
        var postmortem = await store.GetPostmortemAsync(incident.Id, cancellationToken);
        return new IncidentView(
            incident,
            StatusDocBuilder.Build(incident, timeline, policy),
            timeline,
            actions,
            IncidentReport.Compute(incident, timeline, policy),
            postmortem is null ? null : markdown.Render(postmortem),
            PostmortemRenderer.FileName(incident),
            time.GetUtcNow(),
            version);
    }

    public async Task<(string Markdown, string FileName)?> PostmortemAsync(string id, WorkspaceScope scope, CancellationToken cancellationToken) =>
        await FindAsync(id, scope, cancellationToken) is { } incident && await store.GetPostmortemAsync(incident.Id, cancellationToken) is { } markdown
            ? (markdown, PostmortemRenderer.FileName(incident))
            : null;
}

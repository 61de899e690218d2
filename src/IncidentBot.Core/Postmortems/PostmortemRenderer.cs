using System.Globalization;
using System.Text;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Policies;

namespace IncidentBot.Core.Postmortems;

/// <summary>
/// Renders the postmortem draft: a front matter block for tools, then the team template in its order
/// (reference/incident-runbook.md, DESIGN.md §2 "Close and postmortem"), then the response metrics.
/// User text is data: mentions are shown by name (<see cref="MentionText"/>) and everything is escaped
/// (<see cref="MarkdownText"/>), so nothing typed in the thread can change the document's structure.
/// Deterministic: the same incident renders to the same bytes.
/// </summary>
public static class PostmortemRenderer
{
    /// <summary><c>2026-04-18-inc-42-pipeline-blocks-spiking.md</c>: the declared date in UTC, the id, the title.</summary>
    public static string FileName(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var title = new MentionText(new Dictionary<string, string>()).ToPlain(incident.Title);
        return string.Create(CultureInfo.InvariantCulture,
            $"{incident.DeclaredAt.UtcDateTime:yyyy-MM-dd}-{incident.Id.ToString().ToLowerInvariant()}-{Slug.From(title)}.md");
    }

    public static string Render(Incident incident, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<ActionItem> actions, IncidentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(policy);

        // OrderBy is stable: entries with the same instant keep the store's order.
        var live = timeline.Where(e => !e.Deleted).OrderBy(e => e.At).ToList();
        var mentions = new MentionText(Participants.Names(incident, timeline, actions));
        var draft = new DraftWriter(incident, policy, mentions);
        var people = Participants.From(incident, live);
        var notes = ThreadNotes.From(live.Where(e => e.Kind == TimelineKind.Message), mentions);
        var metrics = ResponseMetrics.Compute(incident, live, policy);

        var sb = new StringBuilder(8192 + live.Sum(e => e.Text.Length + (e.Text.Length / 8) + 48));
        draft.FrontMatter(sb, live, people);
        draft.Header(sb, people);
        draft.Summary(sb);
        draft.Impact(sb);
        draft.Timeline(sb, live);
        DraftWriter.Bullets(sb, "Root cause", notes.RootCauses,
            "What actually caused it, explained so a new hire would understand: the systems and conditions, not the people.");
        DraftWriter.Bullets(sb, "What went well", notes.WentWell,
            "What helped: alerts, dashboards, runbooks, decisions that worked.");
        DraftWriter.Bullets(sb, "What went poorly", notes.WentPoorly,
            "What slowed the response: gaps in alerting, tooling or process. Fix the system, not the person.");
        draft.ActionItems(sb, actions, notes.Actions);
        new MetricsWriter(incident, policy, draft).Write(sb, metrics, people.Count);
        return sb.ToString();
    }
}

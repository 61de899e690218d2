using System.Globalization;
using System.Text;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Policies;

namespace IncidentBot.Core.Postmortems;

/// <summary>Writes the sections of one draft; holds the incident, its clock and its text reader.</summary>
internal sealed class DraftWriter(Incident incident, IncidentPolicy policy, MentionText mentions)
{
    /// <summary>Who the timeline names for entries with no person behind them (reminders).</summary>
    private const string Bot = "IncidentBot";

    // A busy thread repeats the same authors and minutes thousands of times; format each once.
    private readonly Dictionary<string, string> _authors = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string> _clocks = [];

    private readonly DateOnly _day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(incident.DeclaredAt, policy.TimeZone).DateTime);

    public void FrontMatter(StringBuilder sb, List<TimelineEntry> live, IReadOnlyList<UserRef> people)
    {
        // Machine-readable facts for a docs repository (reference/anchors.md §7.7); times in UTC.
        DateTimeOffset? FirstMove(IncidentStatus to) =>
            live.FirstOrDefault(e => e.Kind == TimelineKind.StatusChanged && e.Detail == to.ToString())?.At;

        var due = incident.ResolvedAt + policy.For(incident.Severity).PostmortemWithin;
        sb.Append("---\n")
            .Append("id: ").Append(incident.Id.ToString()).Append('\n')
            .Append("title: ").Append(MarkdownText.YamlString(mentions.ToPlain(incident.Title))).Append('\n')
            .Append("severity: ").Append(incident.Severity.Label()).Append('\n')
            .Append("status: ").Append(incident.Status.ToString()).Append('\n')
            .Append("declared_at: ").Append(Utc(incident.DeclaredAt)).Append('\n')
            .Append("acknowledged_at: ").Append(Utc(incident.AcknowledgedAt)).Append('\n')
            .Append("identified_at: ").Append(Utc(FirstMove(IncidentStatus.Identified))).Append('\n')
            .Append("monitoring_at: ").Append(Utc(FirstMove(IncidentStatus.Monitoring))).Append('\n')
            .Append("resolved_at: ").Append(Utc(incident.ResolvedAt)).Append('\n')
            .Append("closed_at: ").Append(Utc(incident.ClosedAt)).Append('\n')
            .Append("postmortem_due: ").Append(Utc(due)).Append('\n')
            .Append("commander: ").Append(MarkdownText.YamlString(incident.Commander.Name)).Append('\n')
            .Append("acknowledged_by: ").Append(incident.AcknowledgedBy is { } ack ? MarkdownText.YamlString(ack.Name) : "null").Append('\n')
            .Append("responders: [")
            .AppendJoin(", ", people.Skip(1).Select(p => MarkdownText.YamlString(p.Name)))
            .Append("]\n")
            .Append("---\n\n");
    }

    public void Header(StringBuilder sb, IReadOnlyList<UserRef> people)
    {
        sb.Append("# Postmortem — [").Append(incident.Severity.Label()).Append("] ")
            .Append(MarkdownText.Inline(mentions.ToPlain(incident.Title))).Append("\n\n");
        sb.Append("**Date:** ").Append(_day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Append(" (times in ").Append(MarkdownText.Inline(policy.TimeZone.Id)).Append(")\n\n");

        // Clock minutes, so the count agrees with the two times shown.
        var start = Minute(incident.DeclaredAt);
        sb.Append("**Duration:** ").Append(Clock(incident.DeclaredAt)).Append(" → ");
        if (incident.ResolvedAt is { } resolved)
        {
            var minutes = (long)(Minute(resolved) - start).TotalMinutes;
            sb.Append(Clock(resolved)).Append(CultureInfo.InvariantCulture, $" ({minutes} min)\n\n");
        }
        else
        {
            sb.Append("not resolved\n\n");
        }

        sb.Append("**Author:** ").Append(Handle(incident.Commander)).Append(" (commander)\n\n");
        sb.Append("**Reviewers:** ");
        if (people.Count > 1)
        {
            sb.AppendJoin(", ", people.Skip(1).Select(Handle));
        }
        else
        {
            sb.Append("_add reviewers_");
        }

        sb.Append("\n\n> Blameless: this draft describes systems, signals and decisions, not people's faults.\n\n");
    }

    public void Summary(StringBuilder sb)
    {
        sb.Append("## Summary\n\n");
        if (incident.Summary is { } summary && !string.IsNullOrWhiteSpace(summary))
        {
            MarkdownText.AppendParagraph(sb, mentions.ToPlain(summary), string.Empty);
        }
        else
        {
            sb.Append("_2–3 sentences: what broke, who was affected, how we fixed it._");
        }

        sb.Append("\n\n");
        if (incident.LastUpdateText is { } last && !string.IsNullOrWhiteSpace(last))
        {
            sb.Append("**Last update**");
            if (incident.LastUpdateAt is { } at)
            {
                sb.Append(" (").Append(Clock(at)).Append(')');
            }

            sb.Append(": ");
            MarkdownText.AppendParagraph(sb, mentions.ToPlain(last), string.Empty);
            sb.Append("\n\n");
        }
    }

    public void Impact(StringBuilder sb)
    {
        var impact = ImpactFields.Parse(incident.Impact is { } text ? mentions.ToPlain(text) : null);
        sb.Append("## Impact\n\n");
        if (impact.Other is { } other)
        {
            MarkdownText.AppendParagraph(sb, other, string.Empty);
            sb.Append("\n\n");
        }

        ImpactLine(sb, "Customers affected", impact.Customers, "count / names");
        ImpactLine(sb, "User-visible symptom", impact.Symptom, "what users saw");
        ImpactLine(sb, "Data integrity", impact.DataIntegrity, "none / suspected / confirmed");
        ImpactLine(sb, "Revenue impact", impact.Revenue, "none / estimated");
        sb.Append('\n');
    }

    public void Timeline(StringBuilder sb, List<TimelineEntry> live)
    {
        sb.Append("## Timeline\n\n### Key events\n\n");
        var shown = live.Where(e => e.Kind != TimelineKind.PostmortemGenerated).ToList();
        var key = shown.Where(e => e.Key).ToList();
        if (key.Count == 0)
        {
            sb.Append("_No key events were marked (react 📌 on a thread message): pick the moments that mattered from the full timeline._\n");
        }

        foreach (var entry in key)
        {
            TimelineLine(sb, entry, withPin: false);
        }

        sb.Append("\n### Full timeline\n\n");
        foreach (var entry in shown)
        {
            TimelineLine(sb, entry, withPin: true);
        }

        sb.Append('\n');
    }

    public static void Bullets(StringBuilder sb, string heading, IReadOnlyList<string> items, string prompt)
    {
        sb.Append("## ").Append(heading).Append("\n\n");
        if (items.Count == 0)
        {
            sb.Append("- _").Append(prompt).Append("_\n");
        }

        foreach (var item in items)
        {
            sb.Append("- ");
            MarkdownText.AppendParagraph(sb, item, "  ");
            sb.Append('\n');
        }

        sb.Append('\n');
    }

    public void ActionItems(StringBuilder sb, IReadOnlyList<ActionItem> items, IReadOnlyList<DraftAction> fromThread)
    {
        var rows = items
            .Select(a => new DraftAction(mentions.ToPlain(a.Text), a.Owner is { } o ? (o.Name != o.Id ? o.Name : mentions.NameOf(o.Id)) : null, a.Due, a.Done, a.CreatedAt))
            .Concat(fromThread)
            .OrderBy(a => a.At)
            .ToList();
        sb.Append("## Action items\n\n");
        if (rows.Count == 0)
        {
            sb.Append("_None recorded yet: add specific, testable actions, each with an owner and a due date._\n\n");
        }

        sb.Append("| # | Action | Owner | Due |\n|---|---|---|---|\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            sb.Append(CultureInfo.InvariantCulture, $"| {i + 1} | ").Append(MarkdownText.Cell(row.Text));
            if (row.Done)
            {
                sb.Append(" ✅ done");
            }

            sb.Append(" | ").Append(row.Owner is { } owner ? "@" + MarkdownText.Cell(owner) : "_unassigned_")
                .Append(" | ").Append(row.Due is { } due ? due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "_no date_")
                .Append(" |\n");
        }

        sb.Append('\n');
    }

    private void TimelineLine(StringBuilder sb, TimelineEntry entry, bool withPin)
    {
        sb.Append("- ").Append(Clock(entry.At)).Append(" — ").Append(AuthorName(entry.Author)).Append(" — ");
        if (withPin && entry.Key)
        {
            sb.Append("📌 ");
        }

        var text = mentions.ToPlain(entry.Text);
        switch (entry.Kind)
        {
            case TimelineKind.StatusChanged:
                var (change, said) = StatusChangeText.Split(text);
                sb.Append("**").Append(MarkdownText.Inline(change)).Append("**");
                if (said is null)
                {
                    Edited(sb, entry).Append('\n');
                    return;
                }

                sb.Append(" — ");
                text = said;
                break;
            case TimelineKind.SeverityChanged:
                sb.Append("**").Append(MarkdownText.Inline(text)).Append("**");
                Edited(sb, entry).Append('\n');
                return;
            default:
                sb.Append(Marker(entry.Kind));
                break;
        }

        if (text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal))
        {
            // A paste (stack trace, log) keeps its lines and indentation in a code block under its item.
            var lines = MarkdownText.Lines(text);
            sb.Append(CultureInfo.InvariantCulture, $"({lines.Count} lines)");
            Edited(sb, entry).Append('\n');
            MarkdownText.AppendCodeBlock(sb, text, "  ");
            return;
        }

        MarkdownText.AppendInline(sb, text);
        Edited(sb, entry).Append('\n');
    }

    private static StringBuilder Edited(StringBuilder sb, TimelineEntry entry) =>
        entry.Revisions.Count > 0 ? sb.Append(" _(edited)_") : sb;

    private static string Marker(TimelineKind kind) => kind switch
    {
        TimelineKind.Declared => "🚨 ",
        TimelineKind.Update => "📣 Update: ",
        TimelineKind.Acknowledged => "✅ ",
        TimelineKind.Note => "📝 Note: ",
        TimelineKind.ActionAdded => "☑️ ",
        TimelineKind.Reminder => "⏰ ",
        TimelineKind.PostmortemDone => "📘 ",
        _ => string.Empty,
    };

    private static void ImpactLine(StringBuilder sb, string label, string? value, string prompt)
    {
        sb.Append("- ").Append(label).Append(": ");
        if (value is null)
        {
            sb.Append('_').Append(prompt).Append('_');
        }
        else
        {
            MarkdownText.AppendParagraph(sb, value, "  ");
        }

        sb.Append('\n');
    }

    internal string Handle(UserRef user) => "@" + MarkdownText.Inline(user.Name != user.Id ? user.Name : mentions.NameOf(user.Id));

    private string AuthorName(UserRef? author)
    {
        var key = author?.Id ?? string.Empty;
        if (!_authors.TryGetValue(key, out var name))
        {
            name = MarkdownText.Inline(author?.Name ?? Bot);
            _authors[key] = name;
        }

        return name;
    }

    /// <summary><c>HH:mm</c> in the configured zone, with the date when it is not the incident's day.</summary>
    internal string Clock(DateTimeOffset at)
    {
        var minute = at.UtcTicks / TimeSpan.TicksPerMinute;
        if (!_clocks.TryGetValue(minute, out var clock))
        {
            var local = TimeZoneInfo.ConvertTime(at, policy.TimeZone);
            clock = DateOnly.FromDateTime(local.DateTime) == _day
                ? local.ToString("HH:mm", CultureInfo.InvariantCulture)
                : local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            _clocks[minute] = clock;
        }

        return clock;
    }

    internal string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, policy.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static DateTimeOffset Minute(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);

    private static string Utc(DateTimeOffset? at) =>
        at is { } a ? a.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "null";
}

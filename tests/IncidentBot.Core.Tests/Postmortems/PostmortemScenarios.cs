using System.Text;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Tests.Postmortems;

/// <summary>The incidents of the golden files (issue 6, "Tests that must exist").</summary>
internal static class PostmortemScenarios
{
    /// <summary>
    /// The runbook's own example, on Slack: declared 14:15 CET, acknowledged 14:23, identified 14:29, hotfix
    /// 14:34, monitoring, one late update after a reminder, resolved, closed; thread chatter with a 📌 key
    /// event, an edited and a deleted message, postmortem notes, two action items.
    /// </summary>
    public static ScriptedIncident Sev2PipelineBlocks()
    {
        var alice = new UserRef("U01ALICE", "alice");
        var priya = new UserRef("U02PRIYA", "priya");
        var bob = new UserRef("U03BOB", "bob");
        var carol = new UserRef("U04CAROL", "carol");
        var s = new ScriptedIncident(new IncidentId(42), new DateOnly(2026, 4, 18), ScriptedIncident.Cet);

        s.Add("14:15", TimelineKind.Declared, alice, "Declared [SEV2] Pipeline blocks spiking; commander alice", "SEV2");
        s.Message("14:16", bob, "block rate on prod jumped from ~0.2% baseline to 18%, started 14:15 per Grafana");
        s.Message("14:19", carol, "<@U03BOB> is it only agents on the OpenAI provider?");
        s.Add("14:23", TimelineKind.Acknowledged, priya, "Acknowledged by priya after 8 min", priya.Id);
        s.Message("14:24", priya, "audit trail filtered by `provider=openai`: ~12 active customers, all getting 403 \"policy_denied\"");
        s.Add("14:26", TimelineKind.ImpactSet, alice,
            "Impact: customers affected: ~12 active (audit trail, provider=openai); user-visible symptom: chat completions return 403 \"policy_denied\"");
        s.Add("14:27", TimelineKind.Message, bob, "yes, every agent on the OpenAI provider & nothing else",
            revisions: [new TimelineRevision(s.At("14:28"), "yes, every agent")]);
        s.Message("14:28", carol, "sorry, wrong thread", deleted: true);
        s.Message("14:28", bob, "found it: abc123 lowered the detect_injection threshold from 0.8 to 0.3", key: true);
        s.Status("14:29", alice, IncidentStatus.Investigating, IncidentStatus.Identified, "regression in detect_injection (commit abc123)");
        s.Update("14:34", alice, "hotfix PR merged (threshold back to 0.8), deploy to prod in flight");
        s.Message("14:38", bob,
            "root cause: abc123 lowered the detect_injection threshold from 0.8 to 0.3; it was tested on synthetic prompts only, never replayed against prod traffic");
        s.Status("14:45", alice, IncidentStatus.Identified, IncidentStatus.Monitoring, "hotfix live on prod, block rate back to 0.3%");
        s.Message("14:47", priya, "went well: the Grafana block-rate panel made the spike obvious within a minute");
        s.Message("14:48", carol, "went poorly: detection threshold changes ship to 100% of traffic at once, no canary");
        s.Message("14:50", carol, "Went poorly: the alert fires on the 5-minute average, so the page came 8 minutes in");
        s.Message("14:52", bob, "action: replay a day of prod prompts against every detection threshold change in CI <@U03BOB> due 2026-04-25");
        s.Add("14:55", TimelineKind.ActionAdded, alice, "Action: Canary detection threshold changes at 5% of traffic first — owner carol — due 2026-05-02");
        s.Action("14:55", "Canary detection threshold changes at 5% of traffic first", carol, new DateOnly(2026, 5, 2));
        s.Reminder("15:15", "Update", "Reminder: update due (last 30 min ago)");
        s.Update("15:21", alice, "block rate steady at baseline for 35 min; keeping the monitoring window open");
        s.Add("15:25", TimelineKind.SummarySet, alice,
            "Summary: A threshold change in detect_injection (abc123) blocked 18% of prod requests from agents on the OpenAI provider for about an hour; a hotfix restored the old threshold.");
        s.Status("15:30", alice, IncidentStatus.Monitoring, IncidentStatus.Resolved, "block rate at baseline for 45 min");
        s.Reminder("16:00", "MonitoringWindow", "Reminder: monitoring window over — close?");
        s.Status("16:02", alice, IncidentStatus.Resolved, IncidentStatus.Closed);

        s.Incident = new Incident
        {
            Id = s.Id,
            Workspace = new WorkspaceId(Platform.Slack, "T0TEAM"),
            ChannelId = "C0INCIDENTS",
            RootMessageId = "1713446100.000100",
            ThreadId = "1713446100.000100",
            Title = "Pipeline blocks spiking",
            Severity = Severity.Sev2,
            Status = IncidentStatus.Closed,
            Commander = alice,
            DeclaredBy = alice,
            DeclaredAt = s.At("14:15"),
            AcknowledgedAt = s.At("14:23"),
            AcknowledgedBy = priya,
            ResolvedAt = s.At("15:30"),
            ClosedAt = s.At("16:02"),
            Summary = "A threshold change in detect_injection (abc123) blocked 18% of prod requests from agents on the OpenAI provider for about an hour; a hotfix restored the old threshold.",
            Impact = "customers affected: ~12 active (audit trail, provider=openai); user-visible symptom: chat completions return 403 \"policy_denied\"",
            LastUpdateAt = s.At("15:30"),
            LastUpdateText = "block rate at baseline for 45 min",
            LastUpdateReminderAt = s.At("15:15"),
            MonitoringReminderSent = true,
            Responders = [bob, carol, priya],
        };
        return s;
    }

    /// <summary>A SEV1 on Discord in which nobody ever posted an update: every clock ran out.</summary>
    public static ScriptedIncident Sev1WithoutUpdates()
    {
        var sam = new UserRef("111111111111111111", "sam");
        var lee = new UserRef("222222222222222222", "lee");
        var s = new ScriptedIncident(new IncidentId(7), new DateOnly(2026, 3, 7), TimeZoneInfo.Utc);

        s.Add("02:10", TimelineKind.Declared, sam, "Declared [SEV1] Checkout API returning 502 in every region; commander sam", "SEV1");
        s.Reminder("02:15", "Acknowledge", "Reminder: not acknowledged after 5 min");
        s.Add("02:17", TimelineKind.Acknowledged, lee, "Acknowledged by lee after 7 min", lee.Id);
        s.Message("02:18", lee, "looking. load balancer health checks failing in all regions");
        s.Reminder("02:25", "Update", "Reminder: update due (last 15 min ago)");
        s.Message("02:31", sam, "rolling back the 01:55 config push, <@222222222222222222> watch the 502s");
        s.Reminder("02:40", "Update", "Reminder: update due (last 15 min ago)");
        s.Reminder("02:55", "Update", "Reminder: update due (last 15 min ago)");
        s.Status("03:05", sam, IncidentStatus.Investigating, IncidentStatus.Resolved);
        s.Reminder("03:35", "MonitoringWindow", "Reminder: monitoring window over — close?");
        s.Status("03:40", sam, IncidentStatus.Resolved, IncidentStatus.Closed);

        s.Incident = new Incident
        {
            Id = s.Id,
            Workspace = new WorkspaceId(Platform.Discord, "900000000000000001"),
            ChannelId = "900000000000000002",
            Title = "Checkout API returning 502 in every region",
            Severity = Severity.Sev1,
            Status = IncidentStatus.Closed,
            Commander = sam,
            DeclaredBy = sam,
            DeclaredAt = s.At("02:10"),
            AcknowledgedAt = s.At("02:17"),
            AcknowledgedBy = lee,
            ResolvedAt = s.At("03:05"),
            ClosedAt = s.At("03:40"),
            LastAckReminderAt = s.At("02:15"),
            LastUpdateReminderAt = s.At("02:55"),
            MonitoringReminderSent = true,
            Responders = [],
        };
        return s;
    }

    /// <summary>
    /// Hostile text on Discord, where nothing arrives escaped: pipes, backticks and fences, HTML, an HTML
    /// comment opener, <c>&lt;!channel&gt;</c>, line-start markup, a hostile display name, a 10 kB paste.
    /// A SEV3 declared on a Friday evening, acknowledged Monday, resolved, the draft regenerated before close.
    /// </summary>
    public static ScriptedIncident HostileText()
    {
        var mallory = new UserRef("333333333333333333", "<img src=x onerror=alert(1)>");
        var pipe = new UserRef("444444444444444444", "pipe|user *star*");
        var s = new ScriptedIncident(new IncidentId(666), new DateOnly(2026, 4, 17), TimeZoneInfo.Utc);
        const string title = "`rm -rf` | <b>bold</b> <!channel> *x* [y](javascript:alert(1)) _z_ \\";

        s.Add("16:00", TimelineKind.Declared, mallory, $"Declared [SEV3] {title}; commander {mallory.Name}", "SEV3");
        s.Message("16:01", pipe, "| a | b |\n|---|---|\n| 1 | 2 |");
        s.Message("16:02", pipe, "<!channel> <!here> @everyone look <script>alert('x')</script> &copy; $5 <!-- hide the rest");
        s.Message("16:03", mallory, "```\nfenced by the user\n```", key: true);
        s.Message("16:04", mallory, TenKilobytePaste());
        s.Message("16:05", pipe, "# not a heading");
        s.Message("16:06", pipe, "root cause: `DROP TABLE` | pipes | <b>html</b>\n---\n# heading\n1. list\n> quote");
        s.Message("16:07", pipe, "action: fix `this` | that <@444444444444444444> due 2026-13-45");
        s.Message("16:08", mallory, "went well: **bold** __under__ ~~strike~~ [link](http://x) ![img](http://y) https://example.com/a|b");
        s.Add("16:09", TimelineKind.ActionAdded, mallory, "Action: a|b `c` <d> — owner pipe|user *star* — due 2026-05-01");
        s.Action("16:09", "a|b `c` <d>", pipe, new DateOnly(2026, 5, 1));
        s.Add("16:10", TimelineKind.SummarySet, mallory, "Summary: line one\n---\n<!-- comment");
        s.Add("16:11", TimelineKind.ImpactSet, mallory, "Impact: customers affected: all | none\nrevenue impact: $1,000,000 <b>");
        s.Add("2026-04-20 08:30", TimelineKind.Acknowledged, pipe, "Acknowledged by pipe|user *star* after 2 d 16 h", pipe.Id);
        s.Status("2026-04-20 08:40", mallory, IncidentStatus.Investigating, IncidentStatus.Resolved, "**fixed** — with `sep` | pipes");
        s.Add("2026-04-20 08:41", TimelineKind.PostmortemGenerated, mallory, "Postmortem draft regenerated");

        s.Incident = new Incident
        {
            Id = s.Id,
            Workspace = new WorkspaceId(Platform.Discord, "900000000000000001"),
            ChannelId = "900000000000000002",
            Title = title,
            Severity = Severity.Sev3,
            Status = IncidentStatus.Resolved,
            Commander = mallory,
            DeclaredBy = mallory,
            DeclaredAt = s.At("16:00"),
            AcknowledgedAt = s.At("2026-04-20 08:30"),
            AcknowledgedBy = pipe,
            ResolvedAt = s.At("2026-04-20 08:40"),
            Summary = "line one\n---\n<!-- comment",
            Impact = "customers affected: all | none\nrevenue impact: $1,000,000 <b>",
            LastUpdateAt = s.At("2026-04-20 08:40"),
            LastUpdateText = "**fixed** — with `sep` | pipes",
            Responders = [pipe],
        };
        return s;
    }

    /// <summary>About 10 kB of stack trace with the characters that break tables and fences.</summary>
    public static string TenKilobytePaste()
    {
        var sb = new StringBuilder("Unhandled exception. System.InvalidOperationException: pipeline | stage `detect` failed <b>\n");
        var frame = 0;
        while (sb.Length < 10_000)
        {
            sb.Append("   at Pipeline.Stages.Detect`1.Run[T](List<T> batch | ctx) in /src/Detect.cs:line ").Append(frame++).Append('\n');
            if (frame % 40 == 0)
            {
                sb.Append("---\n# not a heading\n`````\n");
            }
        }

        return sb.Append("--- End of stack trace ---").ToString();
    }
}

using IncidentBot.Core.Incidents;

namespace IncidentBot.Dashboard.Tests.Infrastructure;

/// <summary>
/// The incidents every browser test sees. The clock stands at <see cref="BotHost{TEntryPoint, TSelf}.DefaultStart"/> (Monday
/// 2026-01-05 09:00 UTC, week 2026-W02); the insights numbers below are worked out by hand in the comments.
/// </summary>
internal static class SeededSet
{
    public const string ScriptTitle = "<script>alert('title')</script>";
    public const string ImageTitle = "\"><img src=x onerror=alert('title')>";
    public const string PostmortemTitle = "Checkout latency after the cache deploy";

    public static async Task<IncidentId> WriteAsync(Seed seed)
    {
        // 2026-W01. A (SEV1): ack 4 min (on time), updates at 10, 25, 40, resolved at 60: deadlines 4, met 3,
        // longest silence 20 min. B (SEV1): ack 8 min (late), update at 25 (one deadline missed, then met),
        // resolved at 30: deadlines 2, met 1, silence 25 min. C (SEV2): ack 10 min (on time), no update, resolved
        // at 120: 3 deadlines missed, silence 120 min. So: SEV1 median ack 6 min, SEV2 10 min; SEV1 median resolve
        // 0.75 h, SEV2 2 h; acknowledged on time 2 of 3 (66.7 %); updates on time 4 of 9 (44.4 %).
        await seed.IncidentAsync("Payments API errors on EU cluster", Severity.Sev1, At(2025, 12, 29, 10), ackAfter: 4, updatesAfter: [10, 25, 40], resolvedAfter: 60, closed: true);
        await seed.IncidentAsync("Login page returns 502", Severity.Sev1, At(2025, 12, 31, 12), ackAfter: 8, updatesAfter: [25], resolvedAfter: 30, closed: true);
        await seed.IncidentAsync("Search results stale", Severity.Sev2, At(2026, 1, 2, 9), ackAfter: 10, resolvedAfter: 120, closed: true);

        // 2025-W52. D (SEV3, no cadence): declared Tuesday 15:00, acknowledged 08:00 the next day, before the next
        // business day's 09:00 target; resolved after 19 h, silent throughout.
        await seed.IncidentAsync("Internal wiki slow", Severity.Sev3, At(2025, 12, 23, 15), ackAfter: 17 * 60, resolvedAfter: 19 * 60, closed: true);

        // 2026-W02, this morning: two hostile titles (open), and a closed SEV2 with a postmortem draft, a key event,
        // an edited message and a deleted one.
        await seed.IncidentAsync(ScriptTitle, Severity.Sev2, At(2026, 1, 5, 7));
        await seed.IncidentAsync(ImageTitle, Severity.Sev3, At(2026, 1, 5, 7, 30));
        var declared = At(2026, 1, 5, 6);
        var withDraft = await seed.IncidentAsync(PostmortemTitle, Severity.Sev2, declared, ackAfter: 3, updatesAfter: [20, 45], resolvedAfter: 60, closed: true,
            more: id =>
            [
                Seed.Entry(id, declared.AddMinutes(12), TimelineKind.Message, Seed.Maria, "cache hit rate fell from 97% to 40% at 05:58") with { Key = true },
                Seed.Entry(id, declared.AddMinutes(15), TimelineKind.Message, Seed.Jens, "rolling back the cache deploy now") with
                {
                    Revisions = [new TimelineRevision(declared.AddMinutes(16), "rolling back the deploy")],
                },
                Seed.Entry(id, declared.AddMinutes(18), TimelineKind.Message, Seed.Maria, "wrong channel, ignore") with { Deleted = true },
            ],
            postmortem: Postmortem);
        return withDraft.Id;
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private const string Postmortem = """
        ---
        id: INC-7
        ---
        # Postmortem — [SEV2] Checkout latency after the cache deploy

        **Date:** 2026-01-05

        ## Summary

        A cache deploy dropped the hit rate; checkouts timed out until it was rolled back. <b>not bold</b>

        ## Action items

        | # | Action | Owner | Due |
        |---|---|---|---|
        | 1 | Alert on cache hit rate below 80% | @Maria | 2026-01-12 |

        [a link that must not run](javascript:alert('link'))
        """;
}

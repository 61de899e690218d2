using IncidentBot.Core.Incidents;

namespace IncidentBot.Bench;

/// <summary>
/// A busy SEV1 on Slack: 10,000 thread messages from eight people over about seven hours, with the mix a
/// real thread has (mentions, code, links, a pasted log every few hundred messages, key events, edits,
/// deletions, postmortem notes), plus updates, status changes and reminders.
/// </summary>
internal sealed class BenchIncident
{
    private readonly List<TimelineEntry> _timeline = [];
    private readonly List<ActionItem> _actions = [];

    public BenchIncident(int messages)
    {
        var id = new IncidentId(4242);
        var declared = new DateTimeOffset(2026, 4, 18, 13, 0, 0, TimeSpan.Zero);
        var people = Enumerable.Range(1, 8).Select(i => new UserRef($"U0{i}PERSON", $"person{i}")).ToArray();
        var at = declared;
        long nextId = 1;
        void Add(TimelineKind kind, UserRef? author, string text, string? detail = null, bool key = false, bool deleted = false, bool edited = false) =>
            _timeline.Add(new TimelineEntry
            {
                Id = nextId++,
                IncidentId = id,
                At = at,
                Kind = kind,
                Author = author,
                Text = text,
                Detail = detail,
                Key = key,
                Deleted = deleted,
                Revisions = edited ? [new TimelineRevision(at, "earlier text")] : [],
            });

        Add(TimelineKind.Declared, people[0], "Declared [SEV1] Checkout latency over 10 s in eu-west; commander person1", "SEV1");
        for (var i = 0; i < messages; i++)
        {
            at += TimeSpan.FromSeconds(2.5);
            var author = people[i % people.Length];
            var text = (i % 10) switch
            {
                0 => $"<@{people[(i + 1) % 8].Id}> can you check shard-{i % 64}? p99 is {400 + (i % 900)} ms",
                1 => $"`kubectl -n checkout get pods | grep -c CrashLoop` says {i % 7}",
                2 => $"dashboard: <https://grafana.example/d/abc?var-shard={i % 64}|shard {i % 64} latency>",
                3 => "root cause: connection pool exhausted after the retry storm &amp; the pool size halving",
                4 => $"action: cap retries at 3 per request <@{people[i % 8].Id}> due 2026-05-0{1 + (i % 9)}",
                5 => "went poorly: the alert threshold | window was too wide to see the first spike",
                6 => $"restarted pod checkout-{i % 40} &lt;- still slow",
                7 => i % 300 == 7 ? Paste(i) : $"seeing `TimeoutException` on {i % 12} nodes, *not* all",
                8 => "went well: rollback tooling worked first time",
                _ => $"ok, watching <#C0INCIDENTS|incidents> and <!here> for more",
            };
            Add(TimelineKind.Message, author, text, key: i % 250 == 0, deleted: i % 97 == 0, edited: i % 53 == 0);
            if (i % 360 == 0)
            {
                Add(TimelineKind.Update, people[0], $"update {i / 360}: still mitigating, error rate {i % 40}%");
            }

            if (i % 700 == 350)
            {
                Add(TimelineKind.Reminder, null, "Reminder: update due (last 15 min ago)", "Update");
            }
        }

        at += TimeSpan.FromMinutes(1);
        Add(TimelineKind.StatusChanged, people[0], "Status: Investigating → Resolved — pool size restored", "Resolved");
        var resolved = at;
        at += TimeSpan.FromMinutes(30);
        Add(TimelineKind.StatusChanged, people[0], "Status: Resolved → Closed", "Closed");
        _actions.Add(new ActionItem
        {
            Id = 1,
            IncidentId = id,
            Text = "Alert on pool saturation, not latency",
            Owner = people[2],
            Due = new DateOnly(2026, 5, 1),
            CreatedAt = resolved,
        });

        Incident = new Incident
        {
            Id = id,
            Workspace = new WorkspaceId(Platform.Slack, "T0BENCH"),
            ChannelId = "C0INCIDENTS",
            Title = "Checkout latency over 10 s in eu-west",
            Severity = Severity.Sev1,
            Status = IncidentStatus.Closed,
            Commander = people[0],
            DeclaredBy = people[0],
            DeclaredAt = declared,
            AcknowledgedAt = declared + TimeSpan.FromMinutes(3),
            AcknowledgedBy = people[1],
            ResolvedAt = resolved,
            ClosedAt = at,
            Summary = "Checkout latency rose above 10 s in eu-west after a retry storm exhausted the connection pool.",
            Impact = "customers affected: all eu-west; user-visible symptom: checkout timeouts; revenue impact: estimated",
            LastUpdateAt = resolved,
            LastUpdateText = "pool size restored",
            Responders = [.. people.Skip(1)],
        };
    }

    public Incident Incident { get; }

    public IReadOnlyList<TimelineEntry> Timeline => _timeline;

    public IReadOnlyList<ActionItem> Actions => _actions;

    public int Messages => _timeline.Count(e => e.Kind == TimelineKind.Message);

    private static string Paste(int i) =>
        string.Concat(Enumerable.Range(0, 120).Select(n => $"   at Checkout.Pool.Rent`1[T](Int32 timeout | {i}) in /src/Pool.cs:line {n}\n"));
}

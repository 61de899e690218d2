using IncidentBot.Core.Alerts;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Storage.Outbox;

/// <summary>
/// What a queued intent is, which lane it travels in and what it waits for (DESIGN.md §7). The thread hangs under
/// the root message and every thread message goes into the thread, so they share the incident's thread lane, in
/// order; status-doc edits have a lane of their own that waits for the root; a reply to a requester is a lane of
/// its own and waits for the thread only when it links to it.
/// </summary>
internal static class OutboxKind
{
    /// <summary>Outbox states; pending rows are the queue, the others are kept for a while for looking into.</summary>
    public const string Delivered = "delivered";

    public const string Failed = "failed";

    public const string ThreadLane = "thread";

    public const string DocLane = "doc";

    public const string ReplyLane = "reply";

    /// <summary>Intents kept in step with PagerDuty: a lane of their own, in order (OutboxSql.ThreadHeads).</summary>
    public const string PagerDutyLane = "pagerduty";

    private const string WaitsForRoot = "root";

    private const string WaitsForThread = "thread";

    public static (string Kind, string Lane, string? WaitsFor) Classify(OutboundIntent intent) => intent switch
    {
        PostRootMessage => ("post_root", ThreadLane, null),
        OpenThread => ("open_thread", ThreadLane, WaitsForRoot),
        EditRootMessage => ("edit_root", DocLane, WaitsForRoot),
        PostThreadMessage => ("post_thread", ThreadLane, WaitsForThread),
        UploadFile => ("upload_file", ThreadLane, WaitsForThread),
        AddReaction => ("add_reaction", ThreadLane, WaitsForThread),
        ReplyToRequester reply => ("reply", ReplyLane, reply.Content.Inlines.Any(i => i is ThreadLink) ? WaitsForThread : null),
        SyncPagerDuty => ("pagerduty", PagerDutyLane, null),
        _ => throw new ArgumentOutOfRangeException(nameof(intent), intent.GetType().Name, "The outbox does not know this intent."),
    };
}

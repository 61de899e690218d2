using IncidentBot.Core.Alerts;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Storage.Outbox;

/// <summary>
/// What a queued intent is and what it waits for. The thread hangs under the root message and every other
/// message goes into the thread, so a message cannot leave before the earlier one that produces its target
/// (DESIGN.md §3 step 4).
/// </summary>
internal static class OutboxKind
{
    /// <summary>Outbox states; pending rows are the queue, the others are kept for a while for looking into.</summary>
    public const string Delivered = "delivered";

    public const string Failed = "failed";

    /// <summary>The kind of the intents kept in step with PagerDuty.</summary>
    public const string PagerDuty = "pagerduty";

    private const string WaitsForRoot = "root";

    private const string WaitsForThread = "thread";

    public static (string Kind, string? WaitsFor) Classify(OutboundIntent intent) => intent switch
    {
        PostRootMessage => ("post_root", null),
        OpenThread => ("open_thread", WaitsForRoot),
        EditRootMessage => ("edit_root", WaitsForRoot),
        PostThreadMessage => ("post_thread", WaitsForThread),
        UploadFile => ("upload_file", WaitsForThread),
        AddReaction => ("add_reaction", WaitsForThread),
        ReplyToRequester => ("reply", WaitsForThread),

        // PagerDuty's own lane (OutboxSql.Heads): it needs nothing from chat, and a PagerDuty outage holds back no post.
        SyncPagerDuty => (PagerDuty, null),
        _ => throw new ArgumentOutOfRangeException(nameof(intent), intent.GetType().Name, "The outbox does not know this intent."),
    };
}

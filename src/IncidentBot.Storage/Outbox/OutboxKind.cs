using IncidentBot.Core.Messaging;

namespace IncidentBot.Storage.Outbox;

/// <summary>
/// What a queued intent is and what it waits for. The thread hangs under the root message and every other
/// message goes into the thread, so a message cannot leave before the earlier one that produces its target
/// (DESIGN.md §3 step 4).
/// </summary>
internal static class OutboxKind
{
    public const string PostRoot = "post_root";

    public const string EditRoot = "edit_root";

    public const string WaitsForRoot = "root";

    public const string WaitsForThread = "thread";

    public const string Pending = "pending";

    public const string Delivered = "delivered";

    public const string Failed = "failed";

    public static (string Kind, string? WaitsFor) Classify(OutboundIntent intent) => intent switch
    {
        PostRootMessage => (PostRoot, null),
        OpenThread => ("open_thread", WaitsForRoot),
        EditRootMessage => (EditRoot, WaitsForRoot),
        PostThreadMessage => ("post_thread", WaitsForThread),
        UploadFile => ("upload_file", WaitsForThread),
        AddReaction => ("add_reaction", WaitsForThread),
        ReplyToRequester => ("reply", WaitsForThread),
        _ => throw new ArgumentOutOfRangeException(nameof(intent), intent.GetType().Name, "The outbox does not know this intent."),
    };
}

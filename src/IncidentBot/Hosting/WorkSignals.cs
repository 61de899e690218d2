using IncidentBot.Outbox;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.Hosting;

/// <summary>
/// The loops a committed change may concern: the outbox dispatcher, the reminder loop, the alert notices. A signal
/// only reaches this process; on a database several replicas share (DESIGN.md §8), a change another replica
/// committed is found by looking again at least every <see cref="SharedPoll"/> (that replica may have died before
/// delivering it).
/// </summary>
internal sealed class WorkSignals(TimeProvider time, IOptions<StorageOptions> storage, OutboxTuning tuning)
{
    public static readonly TimeSpan SharedPoll = TimeSpan.FromSeconds(2);

    public WorkSignal Outbox { get; } = new(time, LongestSleep(storage.Value), tuning.CommitSettle);

    public WorkSignal Reminders { get; } = new(time, LongestSleep(storage.Value), tuning.CommitSettle);

    public WorkSignal Notices { get; } = new(time, LongestSleep(storage.Value), tuning.CommitSettle);

    private static TimeSpan? LongestSleep(StorageOptions storage) => StorageSetup.IsShared(storage.ConnectionString) ? SharedPoll : null;
}

namespace IncidentBot.Hosting;

/// <summary>The two loops a committed change may concern: the outbox dispatcher and the reminder loop.</summary>
internal sealed class WorkSignals(TimeProvider time)
{
    public WorkSignal Outbox { get; } = new(time);

    public WorkSignal Reminders { get; } = new(time);
}

namespace IncidentBot.Hosting;

/// <summary>The loops a committed change may concern: the outbox dispatcher, the reminder loop, the alert notices.</summary>
internal sealed class WorkSignals(TimeProvider time)
{
    public WorkSignal Outbox { get; } = new(time);

    public WorkSignal Reminders { get; } = new(time);

    public WorkSignal Notices { get; } = new(time);
}

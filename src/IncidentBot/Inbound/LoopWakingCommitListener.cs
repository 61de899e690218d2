using IncidentBot.Core.Handling;
using IncidentBot.Hosting;

namespace IncidentBot.Inbound;

/// <summary>
/// Wakes the outbox dispatcher and the reminder loop after a group of inputs committed: the bot speaks at once
/// and clocks re-plan at once, with one wake-up per commit however many inputs it carried.
/// </summary>
internal sealed class LoopWakingCommitListener(WorkSignals signals) : ICommitListener
{
    public void Committed(int accepted)
    {
        signals.Outbox.Signal();
        signals.Reminders.Signal();
        signals.Notices.Signal();
    }
}

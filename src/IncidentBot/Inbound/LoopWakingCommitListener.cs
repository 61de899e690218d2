using IncidentBot.Core.Handling;
using IncidentBot.Hosting;

namespace IncidentBot.Inbound;

/// <summary>
/// Wakes the outbox dispatcher and the reminder loop after a group of inputs committed: the bot speaks and clocks
/// re-plan within a few milliseconds, with one wake-up for all the commits of that span (<see cref="WorkSignal.Nudge"/>)
/// however many inputs they carried. The alert-notice loop is
/// not woken: a notice comes only from an alert, which commits through the alert service (SignallingInboundHandler).
/// </summary>
internal sealed class LoopWakingCommitListener(WorkSignals signals) : ICommitListener
{
    public void Committed(int accepted)
    {
        signals.Outbox.Nudge();
        signals.Reminders.Nudge();
    }
}

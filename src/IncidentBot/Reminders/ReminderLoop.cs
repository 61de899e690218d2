using IncidentBot.Core.Handling;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;
using IncidentBot.Core.Reminders;
using IncidentBot.Hosting;
using IncidentBot.Metrics;

namespace IncidentBot.Reminders;

/// <summary>
/// Sleeps until the earliest planned reminder of any incident (one indexed query, no scan of every incident)
/// or until a committed change wakes it, then lets <see cref="ReminderRunner"/> turn due clocks into messages.
/// </summary>
internal sealed partial class ReminderLoop(
    ReminderRunner runner,
    IIncidentStore store,
    TimeProvider time,
    WorkSignals signals,
    HostMetrics metrics,
    IEnumerable<IIncidentChangeObserver> observers,
    ILogger<ReminderLoop> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await runner.RunDueAsync(time.GetUtcNow(), stoppingToken);
                if (sent.Count > 0)
                {
                    signals.Outbox.Signal();
                    metrics.RecordRemindersSent(sent);
                    foreach (var reminder in sent)
                    {
                        LogSent(logger, reminder.IncidentId, reminder.Kind, reminder.SentAt - reminder.DueAt);
                    }

                    // A reminder is a timeline entry: an open page of its incident shows it as it shows an input.
                    foreach (var id in sent.Select(r => r.IncidentId).Distinct())
                    {
                        foreach (var observer in observers)
                        {
                            observer.Changed(id);
                        }
                    }
                }

                var next = await store.GetEarliestReminderAsync(stoppingToken);
                await signals.Reminders.WaitAsync(next, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
                await signals.Reminders.WaitAsync(time.GetUtcNow() + RetryAfterFailure, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {Kind} queued for {IncidentId} ({Lateness} after due)")]
    private static partial void LogSent(ILogger logger, IncidentId incidentId, ReminderKind kind, TimeSpan lateness);

    [LoggerMessage(Level = LogLevel.Error, Message = "The reminder loop failed; it will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

namespace IncidentBot.Outbox;

/// <summary>
/// Writes outcomes down, and parks delivery while it cannot (DESIGN.md §7: no platform call whose result could not be
/// written down). An outcome the store refuses (disk full, or any other failure) is held in memory and written again
/// before anything else is claimed: the message stays claimed meanwhile, so it is not sent a second time, and if the
/// process dies first, the attempt on disk makes the next one a retry that looks before it posts.
/// </summary>
internal sealed class OutboxRecorder(Core.Persistence.IOutboxStore store, OutboxMetrics metrics, ILogger<OutboxRecorder> logger)
{
    private readonly Queue<OutboxOutcome> _held = new();
    private readonly Lock _lock = new();
    private int _parked;

    /// <summary>Whether delivery is parked: an outcome or a claim could not be written.</summary>
    public bool IsParked => Volatile.Read(ref _parked) == 1;

    public async Task RecordAsync(OutboxOutcome outcome, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_held.Count > 0)
            {
                // Behind held outcomes: the store is refusing writes, do not hammer it from every lane.
                _held.Enqueue(outcome);
                return;
            }
        }

        try
        {
            await outcome.WriteAsync(store, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            lock (_lock)
            {
                _held.Enqueue(outcome);
            }

            Park(e);
        }
    }

    /// <summary>Writes the held outcomes, oldest first; true when none is left.</summary>
    public async Task<bool> FlushAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            OutboxOutcome? next;
            lock (_lock)
            {
                if (!_held.TryPeek(out next))
                {
                    return true;
                }
            }

            try
            {
                await next.WriteAsync(store, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Park(e);
                return false;
            }

            lock (_lock)
            {
                _held.Dequeue();
            }
        }
    }

    public void Park(Exception reason)
    {
        if (Interlocked.Exchange(ref _parked, 1) == 0)
        {
            metrics.Parked(true);
            OutboxLog.Parked(logger, reason.Message);
        }
    }

    /// <summary>A write went through: the store records outcomes again.</summary>
    public void Resume()
    {
        if (Interlocked.Exchange(ref _parked, 0) == 1)
        {
            metrics.Parked(false);
            OutboxLog.Resumed(logger);
        }
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;
using IncidentBot.Hosting;

namespace IncidentBot.Outbox;

/// <summary>
/// Delivers queued intents through the platform adapters (DESIGN.md §7). Each pass claims the deliverable lane heads
/// (recording their attempts in the same write, before any call) up to the free delivery slots and starts each on its
/// own, so a slow lane holds back nothing but itself; a finished delivery frees its lane and wakes the loop for the
/// next head. While storage cannot record (disk full) nothing is claimed: delivery is parked until a write succeeds.
/// It sleeps until the next head is due or a committed change wakes it.
/// </summary>
internal sealed class OutboxDispatcher(
    IOutboxStore store,
    OutboxDelivery delivery,
    OutboxRecorder recorder,
    TimeProvider time,
    WorkSignals signals,
    OutboxTuning tuning,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>This process's claims; another owner's claims on the same SQLite file are void (see the store).</summary>
    private readonly string _owner = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");
    private readonly ConcurrentDictionary<long, Task> _inFlight = new();
    private int _lanes;
    private int _replies;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wake = await PassAsync(stoppingToken);
                await signals.Outbox.WaitAsync(wake, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: deliveries in flight see the same token and end below.
        }
        finally
        {
            await Task.WhenAll(_inFlight.Values);
        }
    }

    /// <summary>One look at the outbox; returns when to look again.</summary>
    private async Task<DateTimeOffset> PassAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            if (!await recorder.FlushAsync(cancellationToken))
            {
                return now + tuning.FirstRetry;
            }

            var lanes = Math.Max(0, tuning.Parallelism - Volatile.Read(ref _lanes));
            var replies = Math.Max(0, tuning.ReplyParallelism - Volatile.Read(ref _replies));
            if (lanes + replies > 0)
            {
                var claimed = await store.ClaimAsync(new OutboxClaim(now, _owner, now + tuning.Lease, lanes, replies), cancellationToken);
                recorder.Resume();
                foreach (var message in claimed)
                {
                    Start(message, cancellationToken);
                }

                // A claim that filled every free slot may have left heads behind: look again at once. One that did
                // not took every head deliverable now, so another claim would find nothing until a delivery ends or
                // a commit lands (each wakes the loop); only the next due time is left to learn.
                if (claimed.Count > 0 && claimed.Count >= lanes + replies)
                {
                    return now;
                }
            }

            // A head that is due but was not claimed waits for a slot, and a finished delivery wakes us: poll gently.
            var next = await store.GetNextDueAsync(now, _owner, cancellationToken);
            return next is { } n && n > now ? n : now + tuning.FirstRetry;
        }
        catch (StorageFullException e)
        {
            // The claim (the attempt's record) could not be written, so nothing was called.
            recorder.Park(e);
            return now + tuning.FirstRetry;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The loop must survive a database hiccup (locked, unreadable); what is queued stays queued.
            OutboxLog.LoopFailed(logger, e);
            return now + tuning.FirstRetry;
        }
    }

    private void Start(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (_inFlight.ContainsKey(message.Id))
        {
            return;
        }

        var reply = message.Intent is ReplyToRequester;
        Interlocked.Increment(ref reply ? ref _replies : ref _lanes);

        // Registered before it runs, so its own clean-up never races its registration.
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _inFlight[message.Id] = RunAsync(message, reply, go.Task, cancellationToken);
        go.SetResult();
    }

    private async Task RunAsync(OutboxMessage message, bool reply, Task go, CancellationToken cancellationToken)
    {
        await go;
        try
        {
            var outcome = await DeliverAsync(message, cancellationToken);
            await recorder.RecordAsync(outcome, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping mid-call: the attempt is on disk, so the next start retries it as a retry.
        }
        finally
        {
            Interlocked.Decrement(ref reply ? ref _replies : ref _lanes);
            _inFlight.TryRemove(message.Id, out _);
            signals.Outbox.Signal();
        }
    }

    private async Task<OutboxOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await delivery.DeliverAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Reading the incident failed before any call: try again soon.
            OutboxLog.Unexpected(logger, e, message.Id, message.IncidentId);
            return new Rescheduled(message.Id, time.GetUtcNow() + tuning.FirstRetry, e.GetType().Name + ": " + e.Message);
        }
    }
}

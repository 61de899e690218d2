using System.Collections.Concurrent;
using System.Diagnostics;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Diagnostics;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Persistence;

namespace IncidentBot.Core.Handling;

/// <summary>
/// The one writer of the process (DESIGN.md §7, group commit). Every record waiting when it starts a transaction is
/// decided in order, each on the state the ones before it left and inside its own savepoint, and all commit
/// together: one commit (one disk sync, one database round trip) serves the whole group. Each caller awaits its own
/// record's commit, so its answer to the platform means "stored". A record whose decision fails is undone alone; a
/// transaction that cannot commit fails every record in it, and none of them is stored.
/// </summary>
/// <remarks>
/// No thread waits while nothing is queued: the first submission to find the writer idle starts a drain, which runs
/// until the queue is empty. Tracing: each record's decision is a span in its own input's trace (so the messages it
/// queues carry that trace), and the commit is one span linked to every input it served.
/// </remarks>
internal sealed class GroupCommitWriter(IIncidentStore store, InboundDecider decider, TimeProvider time, ICommitListener? listener)
{
    /// <summary>Bounds one transaction, so a burst cannot make a single commit (and every caller in it) wait too long.</summary>
    public const int MaxBatch = 1000;

    private readonly ConcurrentQueue<Pending> _queue = new();
    private int _draining;

    public Task<InboundOutcome> SubmitAsync(InboundEvent inbound, ParseResult? parsed)
    {
        var pending = new Pending(inbound, parsed, Activity.Current?.Context ?? default,
            new TaskCompletionSource<InboundOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            _ = Task.Run(DrainAsync);
        }

        return pending.Completion.Task;
    }

    private async Task DrainAsync()
    {
        // The drain inherited the trace of whichever input started it; each record's work names its own trace instead.
        Activity.Current = null;
        var batch = new List<Pending>();
        while (true)
        {
            while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count == 0)
            {
                Volatile.Write(ref _draining, 0);

                // A submission that found the writer still draining, after the queue looked empty, is picked up here.
                if (_queue.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            await CommitAsync(batch);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        // Nobody's cancellation stops a group: once queued, a record is decided and written for everyone in it.
        var none = CancellationToken.None;
        var outcomes = new InboundOutcome?[batch.Count];
        var failures = new Exception?[batch.Count];
        var accepted = 0;
        using var commit = Tracing.Source.StartActivity(
            "incidentbot.commit", ActivityKind.Internal, parentContext: default,
            tags: [new("incidentbot.commit.size", batch.Count)],
            links: batch.Where(p => p.Trace != default).Select(p => new ActivityLink(p.Trace)));
        try
        {
            await using var uow = await store.BeginAsync(none);
            for (var i = 0; i < batch.Count; i++)
            {
                try
                {
                    outcomes[i] = await DecideAsync(uow, batch[i]);
                    accepted += outcomes[i]!.Result == InboundResult.Accepted ? 1 : 0;
                }
                catch (Exception e) when (e is not StorageFullException)
                {
                    // Undo this record alone. If even that fails, the transaction is gone: the catch below fails all.
                    await uow.RollbackToSavepointAsync(none);
                    failures[i] = e;
                }
            }

            // A group of duplicates and refusals kept nothing: it ends without a commit (disposing rolls back).
            if (accepted > 0)
            {
                await uow.CommitAsync(none);
            }
        }
        catch (Exception e)
        {
            commit?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(e);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                batch[i].Completion.TrySetException(failure);
            }
            else
            {
                batch[i].Completion.TrySetResult(outcomes[i]!);
            }
        }

        if (accepted > 0)
        {
            listener?.Committed(accepted);
        }
    }

    private async Task<InboundOutcome> DecideAsync(IIncidentUnitOfWork uow, Pending pending)
    {
        var none = CancellationToken.None;
        var context = pending.Inbound.Context;
        using var activity = Tracing.Source.StartActivity("incidentbot.decide", ActivityKind.Internal, pending.Trace);
        await uow.SavepointAsync(none);
        if (!await uow.TryRecordInboundAsync(context.Workspace, context.DedupKey, time.GetUtcNow(), none))
        {
            await uow.ReleaseSavepointAsync(none);
            return InboundOutcome.Duplicate;
        }

        var scope = new UseCaseScope(uow, context, time.GetUtcNow(), none);
        var outcome = await decider.DecideAsync(scope, pending.Inbound, pending.Parsed);
        if (outcome.Result == InboundResult.Accepted)
        {
            await uow.ReleaseSavepointAsync(none);
        }
        else
        {
            // The state moved since the dry run (an earlier record in this group, another replica): nothing is kept.
            await uow.RollbackToSavepointAsync(none);
        }

        activity?.SetTag("incidentbot.outcome", outcome.Result.ToString());
        return outcome;
    }

    /// <summary><see cref="Trace"/> is the submitter's span (default: none), the parent of this record's decision.</summary>
    private sealed record Pending(InboundEvent Inbound, ParseResult? Parsed, ActivityContext Trace, TaskCompletionSource<InboundOutcome> Completion);
}

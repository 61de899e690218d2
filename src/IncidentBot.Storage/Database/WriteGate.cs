using System.Diagnostics.CodeAnalysis;

namespace IncidentBot.Storage.Database;

/// <summary>
/// The process's turn at writing (DESIGN.md §7: one writer per process). A database takes one write transaction at a
/// time (SQLite's one write lock; PostgreSQL's advisory lock around a unit of work), and a writer that finds it taken
/// inside the engine waits in SQLite's busy handler, which sleeps in steps of up to 100 ms
/// (https://www.sqlite.org/c3ref/busy_timeout.html), so a group commit queued behind an outbox update could wait a
/// whole step after the lock was free. Writers of this process instead queue here, awaiting without a thread, and
/// each starts the moment the one before it ends; the engine's own wait is left to writers in other processes.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "SemaphoreSlim holds nothing to dispose unless its AvailableWaitHandle is asked for, which this never does.")]
internal sealed class WriteGate
{
    /// <summary>As long as SQLite's busy_timeout: a writer that waits longer fails the way a busy database would.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Waits for this process's turn to write; dispose the result to pass the turn on.</summary>
    public async Task<Turn> EnterAsync(CancellationToken cancellationToken)
    {
        if (!await _turn.WaitAsync(Patience, cancellationToken))
        {
            throw new TimeoutException($"No turn to write within {Patience.TotalSeconds:0} s: another write of this process held it.");
        }

        return new Turn(_turn);
    }

    /// <summary>One turn at writing; disposing it more than once passes the turn on once.</summary>
    internal sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}

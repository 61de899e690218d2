using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;

namespace IncidentBot.Storage.Database;

/// <summary>
/// Connections lent with their prepared statements and taken back: every request's rehearsal off the write path runs
/// the same two or three lookups, every group commit the same few inserts, every outbox pass the same claim, and
/// opening a connection (with SQLite's per-connection settings) and preparing them afresh cost more than running
/// them. A connection is taken back only if it is still open and its borrower says it ended cleanly; any other is
/// closed. <see cref="Release"/> closes the idle ones (at shutdown, so SQLite can checkpoint the WAL away).
/// </summary>
internal sealed class KeptConnections(Func<CancellationToken, Task<DbConnection>> open)
{
    /// <summary>Enough for the requests a 2-core host runs at once; more are opened and closed as before.</summary>
    private const int MaxIdle = 16;

    private readonly ConcurrentBag<Lent> _idle = [];
    private int _generation;

    public async Task<Lent> RentAsync(CancellationToken cancellationToken)
    {
        if (_idle.TryTake(out var idle))
        {
            return idle;
        }

        var connection = await open(cancellationToken);
        return new Lent(connection, new Statements(connection, null), Volatile.Read(ref _generation));
    }

    /// <summary>Runs <paramref name="use"/> on a lent connection; it is kept afterwards only if <paramref name="use"/> succeeded.</summary>
    public async Task<T> UseAsync<T>(Func<Lent, Task<T>> use, CancellationToken cancellationToken)
    {
        var lent = await RentAsync(cancellationToken);
        var clean = false;
        try
        {
            var result = await use(lent);
            clean = true;
            return result;
        }
        finally
        {
            await ReturnAsync(lent, clean);
        }
    }

    /// <summary>Takes a connection back; one whose use failed (<paramref name="clean"/> false) is closed instead.</summary>
    public async ValueTask ReturnAsync(Lent lent, bool clean = true)
    {
        lent.Statements.Transaction = null;
        if (clean && lent.Connection.State == ConnectionState.Open
            && lent.Generation == Volatile.Read(ref _generation) && _idle.Count < MaxIdle)
        {
            _idle.Add(lent);
            return;
        }

        await lent.DisposeAsync();
    }

    public void Release()
    {
        Interlocked.Increment(ref _generation);
        while (_idle.TryTake(out var lent))
        {
            lent.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    internal sealed record Lent(DbConnection Connection, Statements Statements, int Generation) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Statements.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }
}

using System.Collections.Concurrent;
using System.Data.Common;

namespace IncidentBot.Storage.Database;

/// <summary>
/// Connections for readers, each with its prepared statements, lent and taken back: every request's rehearsal off the
/// write path runs the same two or three lookups, and opening a connection and preparing them afresh cost more than
/// running them. <see cref="Release"/> closes the idle ones (at shutdown, so SQLite can checkpoint the WAL away).
/// </summary>
internal sealed class ReadConnections(StorageDatabase database)
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

        var connection = await database.OpenReadAsync(cancellationToken);
        return new Lent(connection, new Statements(connection, null), Volatile.Read(ref _generation));
    }

    public async ValueTask ReturnAsync(Lent lent)
    {
        if (lent.Generation == Volatile.Read(ref _generation) && _idle.Count < MaxIdle)
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

using System.Data;
using System.Data.Common;
using Dapper;
using Npgsql;

namespace IncidentBot.Storage.Database;

/// <summary>
/// PostgreSQL 15+, shared by several replicas. Units of work exclude each other through a transaction-scoped
/// advisory lock, so every replica sees the same one-writer-at-a-time semantics as SQLite gives one process
/// (Core reads an incident, decides, and writes it back: two replicas deciding on the same incident at once would
/// otherwise lose one's change). https://www.postgresql.org/docs/15/explicit-locking.html#ADVISORY-LOCKS
/// </summary>
internal sealed class PostgresDialect : SqlDialect
{
    public static readonly PostgresDialect Instance = new();

    // Advisory lock keys are one bigint namespace per database; these two are ours ("IB" then a purpose).
    private const long MigrationLockKey = 0x4942_0001;
    private const long WriteLockKey = 0x4942_0002;

    // https://www.postgresql.org/docs/15/errcodes-appendix.html: 53100 disk_full.
    private const string DiskFull = "53100";

    private PostgresDialect()
    {
    }

    public override string Name => "PostgreSQL";

    public override bool OneWriteAtATime => false;

    public override bool OneProcess => false;

    public override string MigrationFolder => "Postgres.";

    public override string ConnectionSettings => "";

    public override string CreateVersionTable =>
        "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())";

    public override string InsertVersion =>
        "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, to_timestamp(@AppliedAt / 1000.0))";

    /// <summary>Replicas share the outbox: a claim is live, whoever holds it, until its lease runs out.</summary>
    public override string LeaseHeld(string alias) => $"({alias}.lease_expires_at IS NOT NULL AND {alias}.lease_expires_at > @Now)";

    /// <summary>
    /// Candidates are read from the statement's snapshot, which a concurrent claim may have changed since: lock each
    /// row, skip the ones another replica holds locked, and check the lease again on the row as it is now
    /// (https://www.postgresql.org/docs/15/sql-select.html#SQL-FOR-UPDATE-SHARE).
    /// </summary>
    public override string Claimable(string candidates) => $"""
        SELECT c.id FROM outbox c
        WHERE c.id IN ({candidates}) AND c.state = 'pending' AND NOT {LeaseHeld("c")}
        FOR UPDATE SKIP LOCKED
        """;

    /// <summary>
    /// Short, and renewed by the living holder every third of it (<c>OutboxLeaseRenewer</c>): a replica killed
    /// mid-delivery holds its lanes for at most this long, then a survivor delivers them as retries.
    /// </summary>
    public override TimeSpan? ClaimLease => TimeSpan.FromSeconds(15);

    public override string Json(string parameter) => $"CAST(@{parameter} AS jsonb)";

    public override bool IsFull(DbException exception) => exception is PostgresException { SqlState: DiskFull };

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(@Key)", new { Key = WriteLockKey }, transaction, cancellationToken: cancellationToken));
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A session lock held across every migration, so replicas started together migrate one after the other
    /// (the later ones find the schema current). Npgsql resets a pooled connection with <c>DISCARD ALL</c>,
    /// which releases it too if the unlock below never runs.
    /// </summary>
    public override async Task<IAsyncDisposable> LockForMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@Key)", new { Key = MigrationLockKey }, cancellationToken: cancellationToken));
        return new SessionLock(connection);
    }

    /// <summary>The server manages its own disk; the next write says whether it has room again.</summary>
    public override Task<bool> HasHeadroomAsync(DbConnection connection, long requiredBytes, CancellationToken cancellationToken) =>
        Task.FromResult(true);

    public override void ReleaseConnections(DbDataSource dataSource)
    {
        if (dataSource is NpgsqlDataSource npgsql)
        {
            npgsql.Clear();
        }
    }

    private sealed class SessionLock(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection.State == ConnectionState.Open)
            {
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@Key)", new { Key = MigrationLockKey }));
            }
        }
    }
}

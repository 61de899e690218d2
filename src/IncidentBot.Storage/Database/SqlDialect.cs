using System.Data.Common;

namespace IncidentBot.Storage.Database;

/// <summary>
/// What differs between the two engines, and nothing else: the DML the store issues is the same text on both
/// (ON CONFLICT, RETURNING and LIMIT mean the same in SQLite and PostgreSQL), so a dialect only answers for
/// connection set-up, locking, error codes, the schema's DDL and the operator's safety net around migrations.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>The engine's name as operators know it, for log lines and errors.</summary>
    public abstract string Name { get; }

    /// <summary>The folder under <c>Migrations/</c> that holds this engine's scripts, empty for SQLite's.</summary>
    public abstract string MigrationFolder { get; }

    /// <summary>Whether every write, not only a unit of work, excludes every other (SQLite's one write lock).</summary>
    public abstract bool OneWriteAtATime { get; }

    /// <summary>
    /// Whether only this process writes the database (SQLite: several replicas need PostgreSQL, DESIGN.md §8), so
    /// that it knows of every change as it commits it.
    /// </summary>
    public abstract bool OneProcess { get; }

    /// <summary>The statement run on every connection as it is opened, or empty.</summary>
    public abstract string ConnectionSettings { get; }

    /// <summary>Settings of the engine's own connection handle, made on every connection as it is opened, readers' too.</summary>
    public virtual void Configure(DbConnection connection)
    {
    }

    /// <summary>Creates the table that records which migrations were applied.</summary>
    public abstract string CreateVersionTable { get; }

    /// <summary>Records an applied migration: <c>@Version</c>, <c>@Name</c>, <c>@AppliedAt</c> (Unix ms).</summary>
    public abstract string InsertVersion { get; }

    /// <summary>
    /// The condition under which the outbox row <paramref name="alias"/> is held by a live claim, for a statement
    /// that has <c>@Owner</c> (the claiming dispatcher) and <c>@Now</c>.
    /// </summary>
    public abstract string LeaseHeld(string alias);

    /// <summary>Wraps the select of claim candidates so that two concurrent claims never take the same row.</summary>
    public abstract string Claimable(string candidates);

    /// <summary>The longest a claim may hold its lane before the holder renews it; null when claims need no renewal.</summary>
    public abstract TimeSpan? ClaimLease { get; }

    /// <summary>The SQL expression for a parameter that carries a JSON document into a JSON column.</summary>
    public abstract string Json(string parameter);

    /// <summary>Whether a failure means the database has no room for the write.</summary>
    public abstract bool IsFull(DbException exception);

    /// <summary>Starts a unit of work's transaction, which excludes every other unit of work until it ends.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Takes what keeps two processes from migrating at once, for as long as the returned handle lives, and
    /// readies the connection for migrating.
    /// </summary>
    public abstract Task<IAsyncDisposable> LockForMigrationAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Whether the database has room for the next write; only asked after a write found it full.</summary>
    public abstract Task<bool> HasHeadroomAsync(DbConnection connection, long requiredBytes, CancellationToken cancellationToken);

    /// <summary>Closes the idle pooled connections of the data source.</summary>
    public abstract void ReleaseConnections(DbDataSource dataSource);

    /// <summary>The engine that serves <paramref name="dataSource"/>: PostgreSQL for Npgsql's, SQLite otherwise.</summary>
    public static SqlDialect For(DbDataSource dataSource) =>
        dataSource is Npgsql.NpgsqlDataSource ? PostgresDialect.Instance : SqliteDialect.Instance;
}

using System.Data.Common;

namespace IncidentBot.Testing.Sqlite;

/// <summary>
/// A data source that caps the database size on every connection it opens (<c>PRAGMA max_page_count</c> is
/// per connection), so a test can fill the "disk" and give the space back. The store keeps connections open between
/// uses, so a change of the cap runs <see cref="Changed"/>, which recycles them: a real full disk is full for all.
/// </summary>
internal sealed class LimitedDataSource(DbDataSource inner) : DbDataSource
{
    /// <summary>SQLite's own ceiling: no limit in practice.</summary>
    public const long Unlimited = 1073741823;

    public long MaxPageCount
    {
        get;
        set
        {
            field = value;
            Changed?.Invoke();
        }
    } = Unlimited;

    /// <summary>Runs after every change of <see cref="MaxPageCount"/>: the test's way to make the store open connections anew.</summary>
    public Action? Changed { get; set; }

    public override string ConnectionString => inner.ConnectionString;

    protected override DbConnection CreateDbConnection() => inner.CreateConnection();

    protected override DbConnection OpenDbConnection()
    {
        var connection = inner.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA max_page_count = {MaxPageCount}";
        command.ExecuteNonQuery();
        return connection;
    }

    protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = await inner.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA max_page_count = {MaxPageCount}";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

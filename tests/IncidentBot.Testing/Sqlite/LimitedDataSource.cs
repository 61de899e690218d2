using System.Data.Common;

namespace IncidentBot.Testing.Sqlite;

/// <summary>
/// A data source that caps the database size on every connection it opens (<c>PRAGMA max_page_count</c> is
/// per connection), so a test can fill the "disk" and give the space back.
/// </summary>
internal sealed class LimitedDataSource(DbDataSource inner) : DbDataSource
{
    /// <summary>SQLite's own ceiling: no limit in practice.</summary>
    public const long Unlimited = 1073741823;

    public long MaxPageCount { get; set; } = Unlimited;

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

using Dapper;
using IncidentBot.Storage.Copying;
using IncidentBot.Storage.Tests.Postgres;
using IncidentBot.Storage.Tests.Sqlite;
using IncidentBot.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentBot.Storage.Tests.Copying;

/// <summary>
/// The copy knows every table: a migration that adds one fails here until <see cref="CopiedTables"/> says whether and
/// where to copy it, and every column type of the PostgreSQL schema is one <see cref="ColumnConversion"/> converts.
/// </summary>
public sealed class CopiedTablesTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_table_of_the_SQLite_schema_is_copied_or_named_as_left_behind()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: true, Ct);
        using var connection = db.OpenRaw();

        var tables = (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")).ToList();

        Assert.Empty(CopiedTables.Unknown(tables));
        Assert.All(CopiedTables.InOrder, t => Assert.Contains(t, tables));
    }

    [Fact]
    public async Task Every_table_of_the_PostgreSQL_schema_is_copied_or_named_as_left_behind_and_every_column_converts()
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server, migrate: true, Ct);
        await using var connection = await db.OpenRawAsync(Ct);

        var columns = (await connection.QueryAsync<(string Table, string Column, string Type)>(
            "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema()")).ToList();
        var tables = columns.Select(c => c.Table).Distinct().ToList();

        Assert.Empty(CopiedTables.Unknown(tables));
        Assert.All(CopiedTables.InOrder, t => Assert.Contains(t, tables));
        Assert.All(columns.Where(c => CopiedTables.InOrder.Contains(c.Table)), c => ColumnConversion.For(c.Table, c.Column, c.Type));
    }

    [Fact]
    public async Task A_source_with_a_table_the_copy_does_not_know_is_refused_by_name_and_nothing_is_copied()
    {
        await using var source = await SqliteTestDatabase.CreateAsync(migrate: true, Ct);
        await using var target = await PostgresTestDatabase.CreateAsync(server, migrate: false, Ct);
        using (var connection = source.OpenRaw())
        {
            await connection.ExecuteAsync("CREATE TABLE status_pages (id INTEGER PRIMARY KEY, url TEXT NOT NULL)");
        }

        var refusal = await Assert.ThrowsAsync<DatabaseCopyException>(() =>
            DatabaseCopy.SqliteToPostgresAsync(source.ConnectionString, target.ConnectionString, source.Time, NullLoggerFactory.Instance, Ct));

        Assert.Contains("tables this copy does not know (status_pages)", refusal.Message, StringComparison.Ordinal);
        await using var check = await target.OpenRawAsync(Ct);
        Assert.Equal(0, await check.ExecuteScalarAsync<long>("SELECT last_value FROM id_sequences"));
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IncidentBot.Tests.Copying;

/// <summary>
/// Every row of every table, read straight from a SQLite file and from a PostgreSQL database, rendered the same way
/// on both sides (numbers in invariant form, JSON with its keys sorted, since jsonb stores keys in an order of its
/// own), so a copy can be compared column for column, not only through what the API shows. The outbox claims of the
/// stopped SQLite process are expected released on the PostgreSQL side.
/// </summary>
internal static class TableRows
{
    private static readonly string[] Released = ["outbox.lease_owner", "outbox.lease_expires_at"];

    public static async Task AssertSameAsync(string sqlite, string postgres, IReadOnlyCollection<string> leftBehind)
    {
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder(sqlite) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await using var target = new NpgsqlConnection(postgres);
        await source.OpenAsync(TestContext.Current.CancellationToken);
        await target.OpenAsync(TestContext.Current.CancellationToken);
        var tables = (await source.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
            .Where(t => !leftBehind.Contains(t))
            .ToList();
        Assert.NotEmpty(tables);
        foreach (var table in tables)
        {
            var columns = (await target.QueryAsync<(string Name, string Type)>(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @Table ORDER BY ordinal_position",
                new { Table = table })).ToList();
            Assert.True(columns.Count > 0, $"{table} is missing in PostgreSQL");
            var list = string.Join(", ", columns.Select(c => c.Name));
            var json = columns.Select(c => c.Type == "jsonb").ToList();
            var sourceList = string.Join(", ", columns.Select(c => Released.Contains($"{table}.{c.Name}") ? "NULL" : c.Name));
            var expected = await RowsAsync(source, $"SELECT {sourceList} FROM {table}", json);
            var actual = await RowsAsync(target, $"SELECT {list} FROM {table}", json);
            Assert.True(expected.SequenceEqual(actual, StringComparer.Ordinal),
                $"{table}: SQLite has\n{string.Join('\n', expected)}\nPostgreSQL has\n{string.Join('\n', actual)}");
        }
    }

    private static async Task<List<string>> RowsAsync(System.Data.Common.DbConnection connection, string sql, List<bool> json)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var values = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i)
                ? "NULL"
                : json[i] ? Canonical(JsonNode.Parse(reader.GetString(i))) : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
            rows.Add(string.Join(" | ", values));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}

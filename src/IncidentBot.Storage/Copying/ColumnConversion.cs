using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace IncidentBot.Storage.Copying;

/// <summary>
/// Turns one SQLite value into the PostgreSQL column's type, by the type the PostgreSQL migrations gave the column
/// (information_schema's <c>data_type</c>). SQLite stores every integer as a 64-bit INTEGER and JSON as TEXT; the
/// PostgreSQL schema has bigint instants and ids (Unix ms), integer counts, smallint 0/1 flags and jsonb. Narrowing is
/// checked, so a value that does not fit fails the copy instead of being cut. A type not listed here fails the copy by
/// name: a migration that introduces one must teach the copy to convert it.
/// </summary>
internal static class ColumnConversion
{
    public delegate Task Write(SqliteDataReader row, int ordinal, NpgsqlBinaryImporter importer, CancellationToken cancellationToken);

    public static Write For(string table, string column, string postgresType) => postgresType switch
    {
        "bigint" => (row, i, to, ct) => to.WriteAsync(row.GetInt64(i), NpgsqlDbType.Bigint, ct),
        "integer" => (row, i, to, ct) => to.WriteAsync(checked((int)row.GetInt64(i)), NpgsqlDbType.Integer, ct),
        "smallint" => (row, i, to, ct) => to.WriteAsync(checked((short)row.GetInt64(i)), NpgsqlDbType.Smallint, ct),
        "text" => (row, i, to, ct) => to.WriteAsync(row.GetString(i), NpgsqlDbType.Text, ct),

        // PostgreSQL parses and checks the document: text that is not JSON fails the copy, naming the table.
        "jsonb" => (row, i, to, ct) => to.WriteAsync(row.GetString(i), NpgsqlDbType.Jsonb, ct),
        _ => throw new DatabaseCopyException(
            $"The copy does not convert {table}.{column}, of PostgreSQL type {postgresType}: teach Copying/ColumnConversion.cs that type."),
    };
}

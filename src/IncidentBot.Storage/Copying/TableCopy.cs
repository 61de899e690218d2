using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IncidentBot.Storage.Copying;

/// <summary>
/// The rows themselves: reads every table of <see cref="CopiedTables.InOrder"/> from one SQLite snapshot and writes it
/// with PostgreSQL's binary <c>COPY</c>, all inside the caller's PostgreSQL transaction, then moves each identity
/// sequence past the copied ids. Both schemas are at the same version when this runs, so the same tables and columns
/// exist on both sides; what differs is each column's type (<see cref="ColumnConversion"/>).
/// </summary>
internal sealed class TableCopy(SqliteConnection source, SqliteTransaction snapshot, NpgsqlConnection target, string targetName)
{
    private sealed record TargetColumn(string Table, string Column, string Type, string Identity);

    public async Task<IReadOnlyList<CopiedTable>> RunAsync(CancellationToken cancellationToken)
    {
        var sourceTables = (await source.QueryAsync<string>(new CommandDefinition(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", transaction: snapshot, cancellationToken: cancellationToken))).ToList();
        var targetColumns = (await target.QueryAsync<TargetColumn>(new CommandDefinition(
            """
            SELECT table_name AS "Table", column_name AS "Column", data_type AS "Type", is_identity AS "Identity"
            FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position
            """, cancellationToken: cancellationToken))).ToList();
        RefuseUnknown("SQLite", sourceTables);
        RefuseUnknown("PostgreSQL", targetColumns.Select(c => c.Table).Distinct());
        await RefuseUnlessEmptyAsync(cancellationToken);

        // The target's migrations seeded the sequence row; the source's row replaces it.
        await target.ExecuteAsync(new CommandDefinition("DELETE FROM id_sequences", cancellationToken: cancellationToken));
        var copied = new List<CopiedTable>();
        foreach (var table in CopiedTables.InOrder)
        {
            var columns = targetColumns.Where(c => c.Table == table).ToList();
            copied.Add(new CopiedTable(table, await CopyAsync(table, columns, cancellationToken)));
        }

        await target.ExecuteAsync(new CommandDefinition(CopiedTables.ReleaseClaims, cancellationToken: cancellationToken));
        foreach (var identity in targetColumns.Where(c => c.Identity == "YES"))
        {
            // The next id the target hands out follows the highest one copied (1 for an empty table).
            await target.ExecuteAsync(new CommandDefinition(
                $"SELECT setval(pg_get_serial_sequence('{identity.Table}', '{identity.Column}'), COALESCE(MAX({identity.Column}), 0) + 1, false) FROM {identity.Table}",
                cancellationToken: cancellationToken));
        }

        return copied;
    }

    private static void RefuseUnknown(string engine, IEnumerable<string> tables)
    {
        if (CopiedTables.Unknown(tables) is { Count: > 0 } unknown)
        {
            throw new DatabaseCopyException(
                $"The {engine} schema has tables this copy does not know ({string.Join(", ", unknown)}): nothing was copied. Copying/CopiedTables.cs must say whether and in which order to copy them.");
        }
    }

    private async Task RefuseUnlessEmptyAsync(CancellationToken cancellationToken)
    {
        var incidents = await target.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM incidents", cancellationToken: cancellationToken));
        var used = await target.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(MAX(last_value), 0) FROM id_sequences", cancellationToken: cancellationToken));
        var holding = incidents > 0 || used > 0 ? "incidents" : await FirstNonEmptyAsync(cancellationToken);
        if (holding is not null)
        {
            var what = holding == "incidents"
                ? string.Create(CultureInfo.InvariantCulture, $"{incidents} incident{(incidents == 1 ? "" : "s")} (numbers up to INC-{used})")
                : $"rows in {holding}";
            throw new DatabaseCopyException(
                $"The PostgreSQL database {targetName} already holds {what}: the copy only fills an empty database, and nothing was copied. Copy into a new database (CREATE DATABASE …), or drop and re-create this one if its rows are not wanted.");
        }
    }

    private async Task<string?> FirstNonEmptyAsync(CancellationToken cancellationToken)
    {
        foreach (var table in CopiedTables.InOrder.Where(t => t != "id_sequences"))
        {
            if (await target.ExecuteScalarAsync<bool>(new CommandDefinition($"SELECT EXISTS (SELECT 1 FROM {table})", cancellationToken: cancellationToken)))
            {
                return table;
            }
        }

        return null;
    }

    private async Task<long> CopyAsync(string table, List<TargetColumn> columns, CancellationToken cancellationToken)
    {
        var sourceColumns = (await source.QueryAsync<string>(new CommandDefinition(
            "SELECT name FROM pragma_table_info(@Table)", new { Table = table }, snapshot, cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
        var names = columns.Select(c => c.Column).ToList();
        if (!sourceColumns.SetEquals(names))
        {
            throw new DatabaseCopyException(
                $"Table {table} has columns ({string.Join(", ", sourceColumns.Order(StringComparer.Ordinal))}) in SQLite but ({string.Join(", ", names.Order(StringComparer.Ordinal))}) in PostgreSQL at the same schema version: the two engines' migrations disagree, and nothing was copied.");
        }

        var writers = columns.Select(c => ColumnConversion.For(table, c.Column, c.Type)).ToList();
        var list = string.Join(", ", names);
        await using var read = source.CreateCommand();
        read.Transaction = snapshot;
        read.CommandText = $"SELECT {list} FROM {table}";
        try
        {
            await using var rows = await read.ExecuteReaderAsync(cancellationToken);
            await using var writer = await target.BeginBinaryImportAsync($"COPY {table} ({list}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            while (await rows.ReadAsync(cancellationToken))
            {
                await writer.StartRowAsync(cancellationToken);
                for (var i = 0; i < writers.Count; i++)
                {
                    if (await rows.IsDBNullAsync(i, cancellationToken))
                    {
                        await writer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await writers[i](rows, i, writer, cancellationToken);
                    }
                }
            }

            return checked((long)await writer.CompleteAsync(cancellationToken));
        }
        catch (Exception e) when (e is NpgsqlException or SqliteException or OverflowException or InvalidCastException or FormatException)
        {
            throw new DatabaseCopyException($"Copying table {table} failed, and nothing was copied (the copy is one transaction): {e.Message}", e);
        }
    }
}

using System.Data.Common;
using Dapper;

namespace IncidentBot.Storage.Database;

/// <summary>
/// Commands kept prepared for the life of one connection: a group commit runs the same few statements for every
/// record, and parsing and planning each again was most of what a record cost. ADO.NET keeps a command's prepared
/// statement while its text stays the same (Microsoft.Data.Sqlite and Npgsql alike), so each is created once and only
/// its parameter values change. <see cref="KeptConnections"/> keeps them with the connections it lends, to readers and to
/// writers, from one transaction to the next.
/// </summary>
internal sealed class Statements(DbConnection connection, DbTransaction? transaction) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    // Dapper's row parser for each kept query: GetRowParser hashes every column's name and type and takes a
    // process-wide lock to find its cached parser, which for the 31 columns of an incident cost more than the read.
    private readonly Dictionary<string, Delegate> _parsers = new(StringComparer.Ordinal);

    /// <summary>The transaction the commands run in: a kept connection's statements outlive each transaction on it.</summary>
    public DbTransaction? Transaction { get; set; } = transaction;

    /// <summary>The command for <paramref name="sql"/>, with <paramref name="values"/> bound by name (null as SQL NULL).</summary>
    public DbCommand Bind(string sql, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Transaction = Transaction;

        foreach (var (name, value) in values)
        {
            DbParameter parameter;
            if (command.Parameters.Contains(name))
            {
                parameter = command.Parameters[name];
            }
            else
            {
                parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            parameter.Value = value ?? DBNull.Value;
        }

        return command;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] values) =>
        await Bind(sql, values).ExecuteNonQueryAsync(cancellationToken);

    public async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] values) =>
        Convert.ToInt64(await Bind(sql, values).ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Rows mapped by Dapper's row parser, read from the kept command.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] values)
    {
        await using var reader = await Bind(sql, values).ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        if (!_parsers.TryGetValue(sql, out var known) || known is not Func<DbDataReader, T> parse)
        {
            parse = reader.GetRowParser<T>();
            _parsers[sql] = parse;
        }
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(parse(reader));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        _commands.Clear();
        _parsers.Clear();
    }
}

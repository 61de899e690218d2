using IncidentBot.Storage.Database;
using IncidentBot.Storage.Migrations;
using IncidentBot.Storage.Outbox;
using IncidentBot.Storage.Store;
using IncidentBot.Testing.Postgres;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace IncidentBot.Storage.Tests.Postgres;

/// <summary>A database of its own on the test PostgreSQL server, with the storage parts built over it.</summary>
internal sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly PostgresServer _server;

    private PostgresTestDatabase(PostgresServer server, string connectionString)
    {
        _server = server;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
        Database = new StorageDatabase(DataSource, NullLogger<StorageDatabase>.Instance);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public StorageDatabase Database { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 4, 18, 14, 23, 0, TimeSpan.Zero));

    public static IReadOnlyList<Migration> Embedded { get; } = Migration.LoadEmbedded(PostgresDialect.Instance.MigrationFolder);

    public static async Task<PostgresTestDatabase> CreateAsync(PostgresServer server, bool migrate, CancellationToken cancellationToken)
    {
        var database = new PostgresTestDatabase(server, await server.CreateDatabaseAsync(cancellationToken));
        if (migrate)
        {
            await database.Runner().RunAsync(cancellationToken);
        }

        return database;
    }

    public MigrationRunner Runner(IReadOnlyList<Migration>? migrations = null, ILogger<MigrationRunner>? logger = null) =>
        new(Database, migrations ?? Embedded, Time, logger ?? NullLogger<MigrationRunner>.Instance);

    /// <summary>The store, which implements every port but the outbox's.</summary>
    public SqlIncidentStore Store() => new(Database, new OutboxJson(), Runner().LatestVersion);

    public SqlOutboxStore Outbox() => new(Database, new OutboxJson(), NullLogger<SqlOutboxStore>.Instance);

    public StorageMaintenance Maintenance() => new(Database, Runner(), NullLogger<StorageMaintenance>.Instance);

    public async Task<NpgsqlConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _server.DropDatabaseAsync(ConnectionString);
    }
}

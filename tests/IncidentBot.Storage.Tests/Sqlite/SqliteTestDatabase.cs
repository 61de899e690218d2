using IncidentBot.Storage.Database;
using IncidentBot.Storage.Migrations;
using IncidentBot.Storage.Outbox;
using IncidentBot.Storage.Store;
using IncidentBot.Testing.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Storage.Tests.Sqlite;

/// <summary>A SQLite database in a temp folder of its own, with the storage parts built over it.</summary>
internal sealed class SqliteTestDatabase : IAsyncDisposable
{
    private SqliteTestDatabase(string folder)
    {
        Folder = folder;
        FilePath = Path.Combine(folder, "incidentbot.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();
        DataSource = new LimitedDataSource(SqliteFactory.Instance.CreateDataSource(ConnectionString));
        Database = new StorageDatabase(DataSource, NullLogger<StorageDatabase>.Instance);
        DataSource.Changed = Database.ReleaseConnections;
    }

    public string Folder { get; }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public LimitedDataSource DataSource { get; }

    public StorageDatabase Database { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 4, 18, 14, 23, 0, TimeSpan.Zero));

    public static IReadOnlyList<Migration> Embedded { get; } = Migration.LoadEmbedded();

    public static async Task<SqliteTestDatabase> CreateAsync(bool migrate, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "incidentbot-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new SqliteTestDatabase(folder);
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

    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
        Directory.Delete(Folder, recursive: true);
    }
}

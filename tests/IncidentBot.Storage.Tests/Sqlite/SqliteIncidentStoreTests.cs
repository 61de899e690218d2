using System.Data.Common;
using IncidentBot.Storage.Dashboard;
using IncidentBot.Storage.Tests.Contract;

namespace IncidentBot.Storage.Tests.Sqlite;

/// <summary>The store contract against SQLite: a migrated temp-file database per test.</summary>
public sealed class SqliteIncidentStoreTests : IncidentStoreContract
{
    private SqliteTestDatabase? _database;

    protected override async ValueTask<StorePorts> StartAsync(CancellationToken cancellationToken)
    {
        _database = await SqliteTestDatabase.CreateAsync(migrate: true, cancellationToken);
        var store = _database.Store();
        return new StorePorts(store, store, _database.Outbox(), store, _database.Maintenance(), new SqlDashboardQueries(_database.Database));
    }

    protected override async ValueTask StopAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override Task<DbConnection> OpenRawAsync(CancellationToken cancellationToken) =>
        Task.FromResult<DbConnection>(_database!.OpenRaw());
}

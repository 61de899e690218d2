using System.Data.Common;
using IncidentBot.Storage.Dashboard;
using IncidentBot.Storage.Tests.Contract;
using IncidentBot.Testing.Postgres;

namespace IncidentBot.Storage.Tests.Postgres;

/// <summary>The store contract against a real PostgreSQL server: a migrated database of its own per test.</summary>
public sealed class PostgresIncidentStoreTests(PostgresServer server) : IncidentStoreContract
{
    private PostgresTestDatabase? _database;

    protected override async ValueTask<StorePorts> StartAsync(CancellationToken cancellationToken)
    {
        _database = await PostgresTestDatabase.CreateAsync(server, migrate: true, cancellationToken);
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

    protected override async Task<DbConnection> OpenRawAsync(CancellationToken cancellationToken) =>
        await _database!.OpenRawAsync(cancellationToken);
}

using System.Data.Common;
using IncidentBot.Core.Alerts;
using IncidentBot.Core.Leases;
using IncidentBot.Core.Persistence;
using IncidentBot.Storage.Database;
using IncidentBot.Storage.Leases;
using IncidentBot.Storage.Migrations;
using IncidentBot.Storage.Notices;
using IncidentBot.Storage.Outbox;
using IncidentBot.Storage.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IncidentBot.Storage;

/// <summary>The entry point the host calls to register the store.</summary>
public static class StorageSetup
{
    /// <summary>
    /// Registers <see cref="StorageOptions"/> (validated at start-up), the <see cref="DbDataSource"/> of the engine
    /// the connection string names (SQLite or PostgreSQL), the storage ports (<see cref="IIncidentStore"/>,
    /// <see cref="IIncidentReader"/>, <see cref="IOutboxStore"/>, <see cref="IStorageHealth"/>),
    /// <see cref="StorageMaintenance"/>, and the hosted service that migrates the
    /// database before the host's other hosted services start.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => CreateDataSource(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        services.AddSingleton<StorageDatabase>();
        services.AddSingleton<OutboxJson>();
        services.AddSingleton(sp => new MigrationRunner(
            sp.GetRequiredService<StorageDatabase>(),
            Migration.LoadEmbedded(sp.GetRequiredService<StorageDatabase>().Dialect.MigrationFolder),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<MigrationRunner>>()));
        services.AddSingleton(sp => new StorageMaintenance(
            sp.GetRequiredService<StorageDatabase>(),
            sp.GetRequiredService<MigrationRunner>(),
            sp.GetRequiredService<ILogger<StorageMaintenance>>()));
        services.AddSingleton(sp => new SqlIncidentStore(
            sp.GetRequiredService<StorageDatabase>(),
            sp.GetRequiredService<OutboxJson>(),
            sp.GetRequiredService<MigrationRunner>().LatestVersion));
        services.AddSingleton<IIncidentStore>(sp => sp.GetRequiredService<SqlIncidentStore>());
        services.AddSingleton<IIncidentReader>(sp => sp.GetRequiredService<SqlIncidentStore>());
        services.AddSingleton<IStorageHealth>(sp => sp.GetRequiredService<SqlIncidentStore>());
        services.AddSingleton<SqlOutboxStore>();
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<SqlOutboxStore>());
        services.AddHostedService<OutboxLeaseRenewer>();

        // Replicas on one PostgreSQL database share their leases through it; a SQLite file has one process.
        services.AddSingleton<ILeaseStore>(sp => sp.GetRequiredService<StorageDatabase>().Dialect is PostgresDialect
            ? new SqlLeaseStore(sp.GetRequiredService<StorageDatabase>())
            : new InProcessLeases());
        services.AddSingleton<IChangeNotices>(sp => sp.GetRequiredService<StorageDatabase>().Dialect is PostgresDialect
            ? new PostgresChangeNotices(sp.GetRequiredService<StorageDatabase>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PostgresChangeNotices>>())
            : new NoChangeNotices());
        services.AddSingleton<IAlertStore>(sp => new SqlAlertStore(sp.GetRequiredService<StorageDatabase>(), sp.GetRequiredService<OutboxJson>()));

        // First in the list, so that even among IHostedLifecycleService implementations it migrates first.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StorageLifecycleService>());
        return services;
    }

    /// <summary>Whether the connection string names a database several replicas may share (PostgreSQL).</summary>
    public static bool IsShared(string connectionString) => StorageConnection.IsPostgres(connectionString);

    /// <summary>A data source for the connection string: Npgsql's for PostgreSQL, Microsoft.Data.Sqlite's otherwise.</summary>
    internal static DbDataSource CreateDataSource(string connectionString) =>
        StorageConnection.IsPostgres(connectionString)
            ? NpgsqlDataSource.Create(StorageConnection.ToNpgsql(connectionString))
            : SqliteFactory.Instance.CreateDataSource(connectionString);
}

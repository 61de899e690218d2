using System.Data.Common;
using IncidentBot.Core.Alerts;
using IncidentBot.Core.Persistence;
using IncidentBot.Storage.Database;
using IncidentBot.Storage.Migrations;
using IncidentBot.Storage.Outbox;
using IncidentBot.Storage.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Storage;

/// <summary>The entry point the host calls to register the store.</summary>
public static class StorageSetup
{
    /// <summary>
    /// Registers <see cref="StorageOptions"/> (validated at start-up), the SQLite <see cref="DbDataSource"/>,
    /// the storage ports (<see cref="IIncidentStore"/>, <see cref="IIncidentReader"/>, <see cref="IOutboxStore"/>,
    /// <see cref="IStorageHealth"/>), <see cref="StorageMaintenance"/>, and the hosted service that migrates the
    /// database before the host's other hosted services start.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<DbDataSource>(sp =>
            SqliteFactory.Instance.CreateDataSource(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        services.AddSingleton<StorageDatabase>();
        services.AddSingleton<OutboxJson>();
        services.AddSingleton(sp => new MigrationRunner(
            sp.GetRequiredService<StorageDatabase>(),
            Migration.LoadEmbedded(),
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
        services.AddSingleton<IOutboxStore, SqlOutboxStore>();
        services.AddSingleton<IAlertStore>(sp => new SqlAlertStore(sp.GetRequiredService<StorageDatabase>(), sp.GetRequiredService<OutboxJson>()));

        // First in the list, so that even among IHostedLifecycleService implementations it migrates first.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StorageLifecycleService>());
        return services;
    }
}

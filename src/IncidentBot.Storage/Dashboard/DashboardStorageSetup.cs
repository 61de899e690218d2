using IncidentBot.Core.Dashboard;
using IncidentBot.Storage.Database;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentBot.Storage.Dashboard;

/// <summary>Registers the dashboard's read-side queries over the store's database (after <see cref="StorageSetup.AddStorage"/>).</summary>
public static class DashboardStorageSetup
{
    public static IServiceCollection AddDashboardQueries(this IServiceCollection services)
    {
        services.TryAddSingleton<IDashboardQueries>(sp => new SqlDashboardQueries(sp.GetRequiredService<StorageDatabase>()));
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;

namespace IncidentBot.Metrics;

/// <summary>The two entry points the host calls: services, then the <c>GET /metrics</c> endpoint.</summary>
internal static class MetricsSetup
{
    public const string Path = "/metrics";

    /// <summary>
    /// Registers <see cref="HostMetrics"/> (for the host to call), its refresher, and the export of every
    /// <c>IncidentBot.*</c> meter made through this host's <see cref="System.Diagnostics.Metrics.IMeterFactory"/>.
    /// Needs <see cref="Core.Persistence.IIncidentReader"/> and <see cref="Core.Persistence.IStorageHealth"/> registered.
    /// </summary>
    public static IServiceCollection AddIncidentBotMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PrometheusMeterBridge>();
        services.TryAddSingleton<HostMetrics>();
        services.AddHostedService<HostMetricsRefresher>();
        return services;
    }

    /// <summary>
    /// Maps <c>GET /metrics</c> (Prometheus text format). Call it before the host starts: the export begins listening
    /// here, so measurements recorded earlier are not counted.
    /// </summary>
    public static IEndpointConventionBuilder MapIncidentBotMetrics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var bridge = endpoints.ServiceProvider.GetRequiredService<PrometheusMeterBridge>();

        // Creating HostMetrics publishes its instruments now rather than at the first call into it.
        endpoints.ServiceProvider.GetRequiredService<HostMetrics>();
        return endpoints.MapMetrics(Path, bridge.Registry);
    }
}

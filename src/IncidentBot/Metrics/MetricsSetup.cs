using System.Diagnostics.Metrics;
using IncidentBot.Core.Diagnostics;
using IncidentBot.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IncidentBot.Metrics;

/// <summary>
/// The two entry points the host calls: services, then the <c>GET /metrics</c> endpoint. Export is OpenTelemetry's:
/// the bot's meters, ASP.NET Core, HttpClient and the .NET runtime go to <c>/metrics</c> (Prometheus) and, when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, to that collector with the traces.
/// </summary>
internal static class MetricsSetup
{
    public const string Path = "/metrics";

    /// <summary>Meters named <c>IncidentBot</c> or <c>IncidentBot.*</c> are the bot's own.</summary>
    public const string MeterPrefix = "IncidentBot";

    /// <summary>The standard OpenTelemetry key; unset, nothing leaves the process but <c>/metrics</c>.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Registers <see cref="HostMetrics"/> (for the host to call), its refresher, and OpenTelemetry's metrics (and,
    /// with an OTLP endpoint, tracing) pipeline. Needs <see cref="Core.Persistence.IIncidentReader"/> and
    /// <see cref="Core.Persistence.IStorageHealth"/> registered.
    /// </summary>
    public static IServiceCollection AddIncidentBotMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HostMetrics>();
        services.AddHostedService<HostMetricsRefresher>();

        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(
                serviceName: configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "incidentbot",
                serviceVersion: StartupReport.Version(),
                // The host name: the pod's name on Kubernetes, the container id under docker compose.
                serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(MeterPrefix, MeterPrefix + ".*")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter(o =>
                    {
                        // The series keep the labels docs/operations.md documents, without an otel_scope_name on each.
                        o.ScopeInfoEnabled = false;

                        // Each scrape is collected fresh; the exporter's 300 ms default would serve one scraper's answer to the next.
                        o.ScrapeResponseCacheDurationMilliseconds = 0;
                    });
                metrics.ConfigureServices(s => s.AddSingleton<OwnMetersOnly>());
                ((IDeferredMeterProviderBuilder)metrics).Configure((provider, builder) =>
                    builder.AddView(provider.GetRequiredService<OwnMetersOnly>().Select));
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(Tracing.SourceName, "Npgsql")
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddOtlpExporter());
        }

        return services;
    }

    /// <summary>
    /// Maps <c>GET /metrics</c> (Prometheus text, or OpenMetrics when the scraper asks for it). Creating
    /// <see cref="HostMetrics"/> here publishes its instruments now rather than at the first call into it.
    /// </summary>
    public static IEndpointConventionBuilder MapIncidentBotMetrics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.ServiceProvider.GetRequiredService<HostMetrics>();
        return endpoints.MapPrometheusScrapingEndpoint(Path);
    }

    /// <summary>Probes and scrapes arrive every few seconds and say nothing about incidents: they are not traced.</summary>
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(Path) || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");

    /// <summary>
    /// Drops the meters of any other host in the process: OpenTelemetry selects meters by name alone, and the
    /// end-to-end tests run several hosts side by side, each of which must count only its own inputs and requests. A
    /// meter made through a host's <see cref="IMeterFactory"/> (the bot's, ASP.NET Core's) carries that factory as its
    /// scope; process-wide meters (the runtime's) have none and are kept.
    /// </summary>
    private sealed class OwnMetersOnly(IMeterFactory factory)
    {
        public MetricStreamConfiguration? Select(Instrument instrument) =>
            instrument.Meter.Scope is IMeterFactory other && !ReferenceEquals(other, factory) ? MetricStreamConfiguration.Drop : null;
    }
}

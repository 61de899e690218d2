using IncidentBot.Api;
using IncidentBot.Configuration;
using IncidentBot.Core.Diagnostics;
using IncidentBot.Core.Handling;
using IncidentBot.Core.Inbound;
using IncidentBot.Inbound;
using IncidentBot.Maintenance;
using IncidentBot.Outbox;
using IncidentBot.Reminders;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Hosting;

internal static class HostingExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>Options, the clock, the policy and the use cases.</summary>
    public static IServiceCollection AddIncidentBotCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<IncidentsOptions>().BindConfiguration(IncidentsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IncidentsOptions>, IncidentsOptionsValidator>();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<IncidentsOptions>>().Value.ToPolicy());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<IncidentsOptions>>().Value.Reactions.ToMap());
        services.AddSingleton<WorkSignals>();
        services.AddSingleton<ICommitListener, LoopWakingCommitListener>();
        services.AddSingleton<IncidentService>();
        services.AddSingleton<ReminderRunner>();
        services.TryAddSingleton<PlatformMetrics>();
        services.AddSingleton<IInboundHandler, SignallingInboundHandler>();
        services.TryAddSingleton(new OutboxTuning());
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<OutboxDelivery>();
        services.AddSingleton<OutboxRecorder>();
        return services;
    }

    /// <summary>The background loops; registered after storage so migrations run first.</summary>
    public static IServiceCollection AddIncidentBotLoops(this IServiceCollection services)
    {
        services.AddHostedService<StartupReport>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddHostedService<ReminderLoop>();
        services.AddHostedService<PruneLoop>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        return services;
    }

    /// <summary>
    /// One JSON object per line when <c>Logging__Format=json</c>; the console's plain lines otherwise. The levels per
    /// category are configuration: <c>appsettings.json</c> beside the binary holds the defaults (see
    /// <see cref="ConfigurationBuilderExtensions.AddShippedSettings"/>), and <c>Logging__LogLevel__&lt;category&gt;</c> overrides them.
    /// </summary>
    public static ILoggingBuilder UseConfiguredFormat(this ILoggingBuilder logging, IConfiguration configuration)
    {
        if (string.Equals(configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            logging.ClearProviders();
            logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }

        return logging;
    }
}

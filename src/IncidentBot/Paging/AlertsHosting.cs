using IncidentBot.Alerts;
using IncidentBot.Core.Alerts;
using IncidentBot.Core.Handling;
using IncidentBot.Core.Persistence;
using IncidentBot.Core.Policies;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentBot.Paging;

/// <summary>Wires the alert use cases into the host (DESIGN.md §9); the adapter's own services come from <see cref="AlertsSetup"/>.</summary>
internal static class AlertsHosting
{
    public static IServiceCollection AddIncidentBotAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AlertService>();
        services.AddSingleton<AlertInboundRouter>();
        if (AlertsSetup.PagerDutySyncEnabled(configuration))
        {
            // The use cases write through a store that queues the PagerDuty intents of every change of a linked
            // incident in the same transaction; the alert intake itself writes undecorated, so a page never echoes.
            // The commit listener wakes the outbox and reminder loops, as for the undecorated service.
            services.Replace(ServiceDescriptor.Singleton(sp => new IncidentService(
                new PagerDutySyncStore(sp.GetRequiredService<IIncidentStore>(), sp.GetRequiredService<IAlertStore>(), sp.GetRequiredService<TimeProvider>()),
                sp.GetRequiredService<IncidentPolicy>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ICommitListener>())));
        }

        services.AddHostedService<AlertNoticeDispatcher>();
        return services;
    }
}

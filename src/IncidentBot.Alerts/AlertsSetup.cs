using IncidentBot.Alerts.Configuration;
using IncidentBot.Alerts.Http;
using IncidentBot.Alerts.PagerDuty;
using IncidentBot.Core.Alerts;
using IncidentBot.Core.Incidents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Alerts;

/// <summary>The entry points the host calls: services, then endpoints (DESIGN.md §9).</summary>
public static class AlertsSetup
{
    /// <summary>
    /// Binds and validates the <c>Alerts</c> and <c>PagerDuty</c> sections (always, so a malformed key stops start-up),
    /// registers the <see cref="AlertRules"/> Core uses, and with <c>PagerDuty__ApiToken</c> the REST client as an
    /// <see cref="IIncidentSync"/> for the outbox.
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AlertsOptions>().Bind(configuration.GetSection(AlertsOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertsOptions>, AlertsOptionsValidator>());
        services.AddOptions<PagerDutyOptions>().Bind(configuration.GetSection(PagerDutyOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PagerDutyOptions>, PagerDutyOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => Rules(sp.GetRequiredService<IOptions<AlertsOptions>>().Value, sp.GetRequiredService<IOptions<PagerDutyOptions>>().Value));
        services.AddSingleton<AlertIntake>();

        var pagerDuty = configuration.GetSection(PagerDutyOptions.Section).Get<PagerDutyOptions>() ?? new PagerDutyOptions();
        if (pagerDuty.SyncEnabled)
        {
            services.AddHttpClient(PagerDutyClient.HttpClientName);
            services.AddSingleton<IIncidentSync, PagerDutyClient>();
        }

        return services;
    }

    /// <summary>Maps <c>/alerts/alertmanager</c> and <c>/alerts/grafana</c> with a token, <c>/pagerduty/webhook</c> with a secret.</summary>
    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<IOptions<AlertsOptions>>()?.Value is { Enabled: true })
        {
            endpoints.MapPost("/alerts/alertmanager", (HttpContext c, AlertIntake intake) => intake.AlertmanagerAsync(c));
            endpoints.MapPost("/alerts/grafana", (HttpContext c, AlertIntake intake) => intake.GrafanaAsync(c));
        }

        if (endpoints.ServiceProvider.GetService<IOptions<PagerDutyOptions>>()?.Value is { WebhookEnabled: true })
        {
            endpoints.MapPost("/pagerduty/webhook", (HttpContext c, AlertIntake intake) => intake.PagerDutyAsync(c));
        }

        return endpoints;
    }

    /// <summary>Whether incident changes should reach PagerDuty: the host wraps the store for it.</summary>
    public static bool PagerDutySyncEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration?[$"{PagerDutyOptions.Section}:ApiToken"]);

    private static AlertRules Rules(AlertsOptions alerts, PagerDutyOptions pagerDuty)
    {
        // Validated at start-up; the defaults stand in when the intake is off and the values were never checked.
        var map = SeverityMapText.TryParse(alerts.SeverityMap, out var parsed, out _) ? parsed : Default(AlertsOptions.DefaultSeverityMap);
        var pages = SeverityMapText.TryParse(pagerDuty.SeverityMap, out var pageMap, out _) ? pageMap : Default(PagerDutyOptions.DefaultSeverityMap);
        var declareAt = SeverityText.TryParse(alerts.DeclareAt, out var at) ? at : Severity.Sev2;
        return new AlertRules(string.IsNullOrWhiteSpace(alerts.SeverityLabel) ? "severity" : alerts.SeverityLabel.Trim(), map, declareAt, pages);
    }

    private static IReadOnlyDictionary<string, Severity> Default(string text) =>
        SeverityMapText.TryParse(text, out var map, out _) ? map : throw new InvalidOperationException("The default severity map does not parse.");
}

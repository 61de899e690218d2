using IncidentBot.Api;
using IncidentBot.Core.Inbound;
using IncidentBot.Dashboard.Access;
using IncidentBot.Dashboard.Assets;
using IncidentBot.Dashboard.Health;
using IncidentBot.Dashboard.Live;
using IncidentBot.Dashboard.Pages;
using IncidentBot.Hosting;
using IncidentBot.Storage.Dashboard;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IncidentBot.Dashboard;

/// <summary>The dashboard at <c>/</c> (DESIGN.md §10): server-rendered pages, live by server-sent events, behind a sign-in.</summary>
internal static class DashboardSetup
{
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();
        services.AddDashboardQueries();
        services.AddRazorComponents();
        DashboardAuth.Add(services, configuration);
        services.AddSingleton<IncidentChanges>();
        services.AddSingleton<IIncidentChangeObserver>(sp => sp.GetRequiredService<IncidentChanges>());
        services.AddSingleton<ReplicaChangeRelay>();
        services.AddSingleton<IIncidentChangeObserver>(sp => sp.GetRequiredService<ReplicaChangeRelay>());
        services.AddHostedService(sp => sp.GetRequiredService<ReplicaChangeRelay>());
        services.AddSingleton<PostmortemHtml>();
        services.AddSingleton<IncidentReader>();
        services.AddSingleton<InsightsCache>();
        services.AddSingleton<PlatformActivity>();
        services.AddSingleton<HealthReader>();
        DecorateInboundHandler(services);
        return services;
    }

    /// <summary>Before the endpoints: the OpenID Connect callback, and the security headers of every page.</summary>
    public static IApplicationBuilder UseDashboard(this IApplicationBuilder app)
    {
        app.UseDashboardHeaders();
        app.UseAuthentication();
        return app;
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        // Listening from the start, so the health page counts what the adapters did before anyone looked.
        _ = endpoints.ServiceProvider.GetRequiredService<PlatformActivity>();
        var mode = DashboardAuth.ModeOf(
            endpoints.ServiceProvider.GetRequiredService<IOptions<DashboardOptions>>().Value,
            endpoints.ServiceProvider.GetRequiredService<IOptions<ApiOptions>>().Value);
        AssetEndpoints.Map(endpoints);
        if (mode == DashboardAccessMode.Off)
        {
            endpoints.MapGet("/", () => new RazorComponentResult<OffPage>());
            return endpoints;
        }

        SignInEndpoints.Map(endpoints, mode);
        var pages = endpoints.MapGroup(string.Empty).RequireViewer();
        PageEndpoints.Map(pages);
        LiveEndpoints.Map(pages);
        return endpoints;
    }

    /// <summary>
    /// The host's inbound handler, wrapped so its committed changes reach the open pages. Wrapping the registration,
    /// whatever its shape, leaves the handler itself alone.
    /// </summary>
    private static void DecorateInboundHandler(IServiceCollection services)
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IInboundHandler))
            ?? throw new InvalidOperationException("AddDashboard must come after AddIncidentBotCore, which registers the inbound handler.");
        services.Remove(inner);
        services.AddSingleton<IInboundHandler>(sp => new ChangeNotifyingInboundHandler(Create(sp, inner), sp.GetServices<IIncidentChangeObserver>()));
    }

    private static IInboundHandler Create(IServiceProvider services, ServiceDescriptor descriptor) => (IInboundHandler)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}

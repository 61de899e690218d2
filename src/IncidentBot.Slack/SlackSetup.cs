using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Slack;

/// <summary>The two entry points the host calls: services, then endpoints.</summary>
public static class SlackSetup
{
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder endpoints) => endpoints;
}

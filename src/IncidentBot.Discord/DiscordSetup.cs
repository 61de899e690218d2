using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Discord;

/// <summary>The two entry points the host calls: services, then endpoints.</summary>
public static class DiscordSetup
{
    public static IServiceCollection AddDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapDiscord(this IEndpointRouteBuilder endpoints) => endpoints;
}

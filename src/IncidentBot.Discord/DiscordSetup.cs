using System.Reflection;
using IncidentBot.Core.Messaging;
using IncidentBot.Discord.Commands;
using IncidentBot.Discord.Configuration;
using IncidentBot.Discord.Diagnostics;
using IncidentBot.Discord.Gateway;
using IncidentBot.Discord.Inbound;
using IncidentBot.Discord.Outbound;
using IncidentBot.Discord.Rendering;
using IncidentBot.Discord.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Discord;

/// <summary>The two entry points the host calls: services, then endpoints.</summary>
public static class DiscordSetup
{
    /// <summary>Where Discord's required User-Agent points (https://docs.discord.com/developers/reference#user-agent).</summary>
    private const string ProjectUrl = "https://github.com/incidentbot/incidentbot";

    /// <summary>
    /// Binds and validates the "Discord" section (always, so a bad value stops start-up); registers the gateway,
    /// the REST client, command registration and the <see cref="IChatPlatform"/> only when <c>Discord:BotToken</c> is set.
    /// </summary>
    public static IServiceCollection AddDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DiscordOptions>().Bind(configuration.GetSection(DiscordOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());

        var options = configuration.GetSection(DiscordOptions.Section).Get<DiscordOptions>() ?? new DiscordOptions();
        if (!options.Enabled)
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton(EscalationTarget.Parse(configuration[EscalationTarget.ConfigurationKey]));
        services.AddSingleton<DiscordMetrics>();
        services.AddSingleton<DiscordMessageRenderer>();
        services.AddSingleton<DiscordRateLimiter>();
        services.AddSingleton<IRandomSource, SharedRandomSource>();
        services.AddTransient<DiscordRateLimitHandler>();

        // The client lives in singletons (gateway, outbox platform): connections are recycled by the handler
        // itself instead of by the factory, so DNS changes are still picked up.
        var client = services.AddHttpClient<DiscordRestClient>((provider, http) =>
            {
                http.BaseAddress = provider.GetRequiredService<IOptions<DiscordOptions>>().Value.ApiBaseUrl;
                http.DefaultRequestHeaders.UserAgent.ParseAdd($"DiscordBot ({ProjectUrl}, {Version()})");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        // Outermost first: the retries wrap the rate limiter, so every attempt waits its bucket's turn.
        client.AddResilienceHandler(DiscordResilience.PipelineName, (builder, _) => DiscordResilience.Configure(builder));
        client.AddHttpMessageHandler<DiscordRateLimitHandler>();

        services.AddSingleton<DiscordInteractionHandler>();
        services.AddSingleton<GatewayEventProcessor>();
        services.AddSingleton<DiscordGatewayClient>();
        services.AddHostedService(provider => provider.GetRequiredService<DiscordGatewayClient>());
        services.AddHostedService<CommandRegistrar>();
        services.AddSingleton<DiscordChatPlatform>();
        services.AddSingleton<IChatPlatform>(provider => provider.GetRequiredService<DiscordChatPlatform>());

        if (options.PublicKey is { Length: > 0 } publicKey)
        {
            services.AddSingleton(new InteractionSignature(publicKey));
            services.AddSingleton<InteractionEndpoint>();
        }

        return services;
    }

    /// <summary>Maps <c>POST /discord/interactions</c> when Discord is on and <c>Discord:PublicKey</c> is set.</summary>
    public static IEndpointRouteBuilder MapDiscord(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<InteractionEndpoint>() is not null)
        {
            endpoints.MapPost("/discord/interactions", (HttpRequest request, InteractionEndpoint endpoint, CancellationToken cancellationToken) =>
                endpoint.HandleAsync(request, cancellationToken));
        }

        return endpoints;
    }

    private static string Version() =>
        typeof(DiscordSetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0";
}

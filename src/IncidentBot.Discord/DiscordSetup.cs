using System.Reflection;
using IncidentBot.Core.Alerts;
using IncidentBot.Core.Diagnostics;
using IncidentBot.Core.Leases;
using IncidentBot.Core.Messaging;
using IncidentBot.Discord.Commands;
using IncidentBot.Discord.Configuration;
using IncidentBot.Discord.Gateway;
using IncidentBot.Discord.Inbound;
using IncidentBot.Discord.Outbound;
using IncidentBot.Discord.Reactions;
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
    /// <summary>
    /// Binds and validates the "Discord" section (always, so a bad value stops start-up); registers the gateway,
    /// the REST client, command registration and the <see cref="IChatPlatform"/> only when <c>Discord:BotToken</c> is set.
    /// Expects the host to register <c>IInboundHandler</c>, the configured <see cref="ReactionMap"/> and the
    /// <see cref="Core.Policies.IncidentPolicy"/> (its time zone reads Discord's timestamps).
    /// </summary>
    public static IServiceCollection AddDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DiscordOptions>().Bind(configuration.GetSection(DiscordOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());

        // Only the switches are read here; every value is checked by the validator when the host starts, so a bad
        // one is reported as one line instead of failing half-way through registration.
        if (!Enabled(configuration))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton(EscalationTarget.Parse(configuration[EscalationTarget.ConfigurationKey]));
        services.TryAddSingleton<PlatformMetrics>();
        services.AddSingleton<DiscordMessageRenderer>();
        services.AddSingleton<DiscordRateLimiter>();
        services.AddSingleton<IRandomSource, SharedRandomSource>();
        services.AddTransient<DiscordRateLimitHandler>();

        // The client lives in singletons (gateway, outbox platform): connections are recycled by the handler
        // itself instead of by the factory, so DNS changes are still picked up.
        var client = services.AddHttpClient<DiscordRestClient>((provider, http) =>
            {
                var apiBase = provider.GetRequiredService<IOptions<DiscordOptions>>().Value.ApiBaseUrl.ToString();

                // Paths are relative ("channels/…"): without the trailing slash "v10" would be replaced, not extended.
                http.BaseAddress = new Uri(apiBase.EndsWith('/') ? apiBase : apiBase + "/");
                http.DefaultRequestHeaders.UserAgent.ParseAdd($"DiscordBot ({ProjectUrl()}, {Version()})");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        // Outermost first: the retries wrap the rate limiter, so every attempt waits its bucket's turn.
        client.AddResilienceHandler(DiscordResilience.PipelineName, (builder, _) => DiscordResilience.Configure(builder));
        client.AddHttpMessageHandler<DiscordRateLimitHandler>();

        services.AddSingleton<DiscordInteractionHandler>();
        services.AddSingleton<GatewayEventProcessor>();
        // A bot alone on its database holds its gateway session in memory; AddStorage registers the shared leases first.
        services.TryAddSingleton<ILeaseStore, InProcessLeases>();
        services.AddSingleton<GatewaySessionLease>();
        services.AddSingleton<DiscordGatewayClient>();
        services.AddHostedService(provider => provider.GetRequiredService<DiscordGatewayClient>());
        services.AddHostedService<CommandRegistrar>();
        services.AddSingleton<DiscordReactions>();
        services.AddSingleton<DiscordText>();
        services.AddSingleton<DiscordEventMapper.Reading>();
        services.AddSingleton<DiscordChatPlatform>();
        services.AddSingleton<IChatPlatform>(provider => provider.GetRequiredService<DiscordChatPlatform>());
        services.AddSingleton<DiscordAlertNotices>();
        services.AddSingleton<IAlertNoticePlatform>(provider => provider.GetRequiredService<DiscordAlertNotices>());
        services.AddSingleton<IPlatformWorkspace>(provider => provider.GetRequiredService<DiscordAlertNotices>());

        if (HttpInteractions(configuration))
        {
            services.AddSingleton(provider => new InteractionSignature(provider.GetRequiredService<IOptions<DiscordOptions>>().Value.PublicKey!));
            services.AddSingleton<InteractionEndpoint>();
        }

        return services;
    }

    /// <summary>Maps <c>POST /discord/interactions</c> when Discord is on and <c>Discord:PublicKey</c> is set.</summary>
    public static IEndpointRouteBuilder MapDiscord(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Decided from configuration, not by resolving the endpoint: that would check the key before the host's
        // start-up validation gets to report a bad one as one line.
        if (HttpInteractions(endpoints.ServiceProvider.GetRequiredService<IConfiguration>()))
        {
            endpoints.MapPost("/discord/interactions", (HttpRequest request, InteractionEndpoint endpoint, CancellationToken cancellationToken) =>
                endpoint.HandleAsync(request, cancellationToken));
        }

        return endpoints;
    }

    private static bool Enabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{DiscordOptions.Section}:{nameof(DiscordOptions.BotToken)}"]);

    private static bool HttpInteractions(IConfiguration configuration) =>
        Enabled(configuration) && !string.IsNullOrWhiteSpace(configuration[$"{DiscordOptions.Section}:{nameof(DiscordOptions.PublicKey)}"]);

    /// <summary>
    /// Where Discord's required User-Agent points (https://docs.discord.com/developers/reference#user-agent): this
    /// project's repository, set once in Directory.Build.props (<c>RepositoryUrl</c>) and carried as assembly metadata.
    /// </summary>
    private static string ProjectUrl() =>
        typeof(DiscordSetup).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryUrl")?.Value
        ?? throw new InvalidOperationException("The build did not stamp RepositoryUrl (Directory.Build.props).");

    private static string Version() =>
        typeof(DiscordSetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0";
}

using IncidentBot.Core.Alerts;
using IncidentBot.Core.Diagnostics;
using IncidentBot.Core.Messaging;
using IncidentBot.Slack.Api;
using IncidentBot.Slack.Background;
using IncidentBot.Slack.Configuration;
using IncidentBot.Slack.Http;
using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.Outbound;
using IncidentBot.Slack.Reactions;
using IncidentBot.Slack.Signing;
using IncidentBot.Slack.SocketMode;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;

namespace IncidentBot.Slack;

/// <summary>The two entry points the host calls: services, then endpoints.</summary>
public static class SlackSetup
{
    /// <summary>
    /// Binds and validates <c>Slack</c> options (always, so a malformed key stops start-up). With a bot token it
    /// registers the Web API client, the <see cref="IChatPlatform"/> for Slack and the background worker; with an
    /// app-level token also the Socket Mode client. Expects the host to register <c>IInboundHandler</c> and the
    /// configured <see cref="ReactionMap"/>.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());

        // Only the switches are read here, as strings: binding the section now would fail on a malformed value
        // before the host's start-up check can report it as one line (DESIGN.md §4).
        var section = configuration.GetSection(SlackOptions.Section);
        var enabled = !string.IsNullOrWhiteSpace(section[nameof(SlackOptions.BotToken)]);
        if (!enabled)
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton(SlackEscalation.From(configuration[SlackEscalation.ConfigurationKey]));
        services.TryAddSingleton<PlatformMetrics>();
        services.AddSingleton<SlackRateLimits>();
        services.AddSingleton<SlackBotIdentity>();
        services.AddSingleton<SlackReactions>();
        services.AddSingleton<SlackBackgroundQueue>();
        services.AddSingleton<SlackUserDirectory>();
        services.AddSingleton<SlackInboundProcessor>();
        services.AddSingleton<SlackApiClient>();
        services.AddSingleton<SlackChatPlatform>();
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<SlackChatPlatform>());
        services.AddSingleton<SlackAlertNotices>();
        services.AddSingleton<IAlertNoticePlatform>(sp => sp.GetRequiredService<SlackAlertNotices>());
        services.AddSingleton<IPlatformWorkspace>(sp => sp.GetRequiredService<SlackAlertNotices>());
        services.AddSingleton(sp => new SlackSignatureVerifier(
            sp.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret ?? string.Empty,
            sp.GetRequiredService<TimeProvider>()));

        services.AddTransient<SlackRateLimitHandler>();
        // Handlers run outside-in in the order added: the resilience pipeline wraps the per-method rate-limit
        // gate, so every attempt (not just the first) waits out a pause and records a 429.
        var http = services.AddHttpClient(SlackApiClient.HttpClientName);
        http.AddResilienceHandler("slack", pipeline =>
        {
            pipeline.AddTimeout(SlackRetryPolicy.TotalTimeout);
            pipeline.AddRetry(SlackRetryPolicy.Options());
            pipeline.AddTimeout(SlackRetryPolicy.AttemptTimeout);
        });
        http.AddHttpMessageHandler<SlackRateLimitHandler>();

        services.AddHostedService<SlackBackgroundWorker>();
        if (!string.IsNullOrWhiteSpace(section[nameof(SlackOptions.AppToken)]))
        {
            services.AddHostedService<SlackSocketModeClient>();
        }

        return services;
    }

    /// <summary>
    /// Maps <c>/slack/commands</c>, <c>/slack/events</c> and <c>/slack/interactivity</c> when a signing secret is set.
    /// Reads the options, so the host validates them first.
    /// </summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<IOptions<SlackOptions>>()?.Value is { HttpEnabled: true })
        {
            SlackEndpoints.Map(endpoints);
        }

        return endpoints;
    }
}

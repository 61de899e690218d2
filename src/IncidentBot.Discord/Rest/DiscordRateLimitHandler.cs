using System.Globalization;
using IncidentBot.Core.Diagnostics;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Discord.Rest;

/// <summary>
/// Sits under the retry strategy, so every attempt waits its bucket's turn and teaches the limiter what the
/// response headers say; also counts each attempt for <c>incidentbot.platform.api.calls</c>.
/// </summary>
internal sealed class DiscordRateLimitHandler(DiscordRateLimiter limiter, PlatformMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Options.TryGetValue(DiscordRoute.Key, out var route))
        {
            throw new InvalidOperationException($"Discord request {request.RequestUri} has no route; send it through DiscordRestClient.");
        }

        await limiter.WaitTurnAsync(route, cancellationToken);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException)
        {
            metrics.ApiCall(Platform.Discord, route.Name, "network_error");
            throw;
        }

        metrics.ApiCall(Platform.Discord, route.Name, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        await limiter.ObserveAsync(route, response, cancellationToken);
        return response;
    }
}

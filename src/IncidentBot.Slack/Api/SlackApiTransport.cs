using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IncidentBot.Core.Diagnostics;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Slack.Configuration;
using IncidentBot.Slack.Diagnostics;
using IncidentBot.Slack.Wire;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace IncidentBot.Slack.Api;

/// <summary>
/// One Web API call, as <see cref="SlackApiClient"/> makes every one: a POST with Bearer auth through the named client
/// (and its resilience pipeline), the answer's <c>ok</c> checked, and each outcome in the outbox's terms and counted.
/// </summary>
internal sealed class SlackApiTransport(IHttpClientFactory httpClients, SlackOptions options, PlatformMetrics metrics, ILogger logger)
{
    public Task<T> JsonAsync<TBody, T>(
        string method, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<T> type, bool safe, CancellationToken cancellationToken)
        where T : SlackResponse
    {
        var content = new StringContent(JsonSerializer.Serialize(body, bodyType), Encoding.UTF8, "application/json");
        return CallAsync(method, content, type, safe, options.BotToken, cancellationToken);
    }

    public Task<T> FormAsync<T>(
        string method, IEnumerable<KeyValuePair<string, string>> form, JsonTypeInfo<T> type, bool safe, CancellationToken cancellationToken, string? token = null)
        where T : SlackResponse =>
        CallAsync(method, new FormUrlEncodedContent(form), type, safe, token ?? options.BotToken, cancellationToken);

    public async Task<T> CallAsync<T>(string method, HttpContent content, JsonTypeInfo<T> type, bool safe, string? token, CancellationToken cancellationToken)
        where T : SlackResponse
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.ApiBase, method)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await SendAsync(request, method, safe, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            metrics.ApiCall(Platform.Slack, method, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            EnsureDelivered(method, response);
            throw new PlatformUnavailableException($"Slack {method} answered HTTP {(int)response.StatusCode}.");
        }

        T? parsed;
        try
        {
            parsed = await response.Content.ReadFromJsonAsync(type, cancellationToken);
        }
        catch (JsonException e)
        {
            metrics.ApiCall(Platform.Slack, method, "invalid_json");
            throw new PlatformUnavailableException($"Slack {method} answered something that is not JSON.", e);
        }

        if (parsed is null || !parsed.Ok)
        {
            var error = parsed?.Error ?? "unknown_error";
            metrics.ApiCall(Platform.Slack, method, error);
            logger.ApiError(method, error);
            var detail = parsed?.ResponseMetadata?.Messages is { Count: > 0 } messages ? string.Join("; ", messages) : null;
            throw new SlackApiException(method, error, detail);
        }

        metrics.ApiCall(Platform.Slack, method, "200");
        return parsed;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string method, bool safe, CancellationToken cancellationToken)
    {
        request.Options.Set(SlackRequestOptions.Method, method);
        request.Options.Set(SlackRequestOptions.Safe, safe);
        try
        {
            return await httpClients.CreateClient(SlackApiClient.HttpClientName).SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            metrics.ApiCall(Platform.Slack, method, e is HttpRequestException ? "connection_error" : "timeout");
            throw new PlatformUnavailableException($"Slack {method} could not be reached: {e.Message}", e);
        }
    }

    /// <summary>Turns a non-200 answer into the outbox's terms: 429 and 5xx are "later", other codes "never".</summary>
    public void EnsureDelivered(string method, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var after = SlackRateLimitHandler.RetryAfter(response) ?? SlackRateLimitHandler.DefaultRetryAfter;
            logger.RateLimited(method, after);
            throw new PlatformUnavailableException($"Slack {method} is rate limited.", after);
        }

        if (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
        {
            throw new PlatformUnavailableException($"Slack {method} answered HTTP {status}.");
        }

        throw new PlatformRejectedException($"Slack {method} answered HTTP {status}.");
    }
}

using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace IncidentBot.Slack.Api;

/// <summary>
/// Which failed attempts the client repeats. A 429 is always repeated (nothing happened) when its
/// <c>Retry-After</c> is short enough to wait for here; 5xx and timeouts only for calls marked safe to repeat,
/// because Slack may have acted before failing (DESIGN.md §5). A connection that was never made is safe for all.
/// </summary>
internal static class SlackRetryPolicy
{
    public const int MaxRetries = 3;

    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(60);

    public static HttpRetryStrategyOptions Options() => new()
    {
        MaxRetryAttempts = MaxRetries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = TimeSpan.FromSeconds(1),
        ShouldRetryAfterHeader = true,
        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
    };

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (outcome.Result is { } response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return (SlackRateLimitHandler.RetryAfter(response) ?? SlackRateLimitHandler.DefaultRetryAfter) <= SlackRateLimitHandler.MaxWait;
            }

            return ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout) && IsSafe(context);
        }

        return outcome.Exception switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
            HttpRequestException or TimeoutRejectedException => IsSafe(context),
            _ => false,
        };
    }

    private static bool IsSafe(ResilienceContext context) =>
        context.GetRequestMessage()?.Options.TryGetValue(SlackRequestOptions.Safe, out var safe) == true && safe;
}

using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace IncidentBot.Discord.Rest;

/// <summary>
/// The bounded in-client retries: a 429 is retried after its <c>retry_after</c> (Discord did not act on it);
/// 5xx, timeouts and network errors only on routes that cannot act twice. After three retries the call fails
/// and the outbox keeps the message. Delays run on the pipeline's <see cref="TimeProvider"/> (the host's).
/// </summary>
internal static class DiscordResilience
{
    public const string PipelineName = "discord";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder)
    {
        builder
            .AddTimeout(TimeSpan.FromSeconds(60))
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(1),
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage())),
                DelayGenerator = async args =>
                    args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } response
                        ? await DiscordRetryAfter.ReadAsync(response, args.Context.CancellationToken) ?? TimeSpan.FromSeconds(1)
                        : null,
            })
            .AddTimeout(TimeSpan.FromSeconds(15));
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        var retryable = request is not null && request.Options.TryGetValue(DiscordRoute.Key, out var route) && route.Retryable;
        if (outcome.Result is { } response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // A long wait is not slept through here: the outbox retries after it.
                return !(response.Headers.RetryAfter?.Delta > DiscordRateLimiter.MaxInlineWait);
            }

            return retryable && (int)response.StatusCode >= 500;
        }

        return retryable && outcome.Exception is HttpRequestException or TimeoutRejectedException;
    }
}

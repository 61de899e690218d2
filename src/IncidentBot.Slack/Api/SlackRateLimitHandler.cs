using System.Globalization;
using System.Net;

namespace IncidentBot.Slack.Api;

/// <summary>
/// The innermost HTTP handler: waits out a method's pause before sending (or, when the pause is longer than the
/// client may wait, answers 429 itself so the outbox keeps the message), and records every 429's
/// <c>Retry-After</c> as a pause of that method.
/// </summary>
internal sealed class SlackRateLimitHandler(SlackRateLimits limits, TimeProvider time) : DelegatingHandler
{
    /// <summary>Longer waits are not held inside a call: the message goes back to the outbox with the delay.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    /// <summary>What a 429 without <c>Retry-After</c> is taken to mean.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Options.TryGetValue(SlackRequestOptions.Method, out var m) ? m : request.RequestUri?.AbsolutePath ?? string.Empty;
        var wait = limits.Remaining(method);
        if (wait > MaxWait)
        {
            return TooManyRequests(request, wait);
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            limits.Pause(method, RetryAfter(response) ?? DefaultRetryAfter);
        }

        return response;
    }

    /// <summary>Slack sends <c>Retry-After</c> in seconds.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter?.Delta;

    private static HttpResponseMessage TooManyRequests(HttpRequestMessage request, TimeSpan wait)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { RequestMessage = request };
        response.Headers.TryAddWithoutValidation("Retry-After",
            Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        return response;
    }
}

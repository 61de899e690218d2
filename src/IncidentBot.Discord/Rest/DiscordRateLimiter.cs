using System.Globalization;
using System.Net;
using IncidentBot.Core.Messaging;
using IncidentBot.Discord.Diagnostics;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Discord.Rest;

/// <summary>
/// Client-side rate limiting from Discord's headers (https://docs.discord.com/developers/topics/rate-limits):
/// per-bucket <c>X-RateLimit-*</c> state keyed by bucket hash and top-level resource, the global pause after a
/// global 429, and a guard against the invalid-request ban (10,000 401/403/429 per 10 minutes per IP bans the
/// whole host): after a 401 nothing bot-authenticated is sent for a while, and the bot stops calling long
/// before the ban threshold. A wait longer than <see cref="MaxInlineWait"/> is not slept through: the call
/// fails as unavailable with the wait as its retry-after, and the outbox keeps the message.
/// </summary>
internal sealed class DiscordRateLimiter(TimeProvider time, ILogger<DiscordRateLimiter> logger)
{
    private const int InvalidRequestBudget = 1000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _bucketOfRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _invalidRequests = new();
    private DateTimeOffset _globalUntil;
    private DateTimeOffset _authPausedUntil;
    private TimeSpan _authPause;

    /// <summary>The longest wait done in place; longer ones go back to the outbox.</summary>
    public static TimeSpan MaxInlineWait => TimeSpan.FromSeconds(5);

    private static TimeSpan InvalidRequestWindow => TimeSpan.FromMinutes(10);

    private static TimeSpan FirstAuthPause => TimeSpan.FromMinutes(1);

    private static TimeSpan LongestAuthPause => TimeSpan.FromMinutes(10);

    public async Task WaitTurnAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                wait = Reserve(route);
            }

            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            if (wait > MaxInlineWait)
            {
                throw new PlatformUnavailableException($"Discord rate limit on {route.Name}: next call allowed in {wait.TotalSeconds:0.#} s.", wait);
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Learns from a response: bucket headers, 429 pauses, invalid-request counting, the 401 guard.</summary>
    public async Task ObserveAsync(DiscordRoute route, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var retryAfter = response.StatusCode == HttpStatusCode.TooManyRequests
            ? await DiscordRetryAfter.ReadAsync(response, cancellationToken)
            : null;
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var bucketKey = LearnBucket(route, response, now);
            switch (response.StatusCode)
            {
                case HttpStatusCode.TooManyRequests:
                    var wait = retryAfter ?? TimeSpan.FromSeconds(1);
                    var global = Header(response, "X-RateLimit-Global") is "true";
                    var scope = Header(response, "X-RateLimit-Scope");
                    if (global)
                    {
                        _globalUntil = now + wait;
                    }
                    else
                    {
                        var bucket = BucketFor(bucketKey);
                        bucket.Remaining = 0;
                        bucket.ResetAt = Max(bucket.ResetAt, now + wait);
                    }

                    // A 429 in the shared scope is another client's doing and does not count toward the ban.
                    if (scope is not "shared")
                    {
                        CountInvalid(now);
                    }

                    DiscordLog.RateLimited(logger, route.Name, wait.TotalSeconds, global, scope ?? "unknown");
                    break;
                case HttpStatusCode.Unauthorized when route.BotAuth:
                    _authPause = _authPause == TimeSpan.Zero ? FirstAuthPause : Min(_authPause * 2, LongestAuthPause);
                    _authPausedUntil = now + _authPause;
                    CountInvalid(now);
                    DiscordLog.Unauthorized(logger, route.Name, _authPause.TotalMinutes);
                    break;
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                    CountInvalid(now);
                    break;
                default:
                    if (route.BotAuth && response.IsSuccessStatusCode)
                    {
                        _authPause = TimeSpan.Zero;
                    }

                    break;
            }
        }
    }

    private TimeSpan Reserve(DiscordRoute route)
    {
        var now = time.GetUtcNow();
        if (route.BotAuth && _authPausedUntil > now)
        {
            throw new PlatformUnavailableException(
                "Discord rejected the bot token (401): calls are paused; check Discord__BotToken.", _authPausedUntil - now);
        }

        while (_invalidRequests.Count > 0 && _invalidRequests.Peek() <= now - InvalidRequestWindow)
        {
            _invalidRequests.Dequeue();
        }

        if (_invalidRequests.Count >= InvalidRequestBudget)
        {
            throw new PlatformUnavailableException(
                "Too many refused Discord calls in 10 minutes: pausing to stay clear of Discord's invalid-request ban.",
                _invalidRequests.Peek() + InvalidRequestWindow - now);
        }

        if (route.BotAuth && _globalUntil > now)
        {
            return _globalUntil - now;
        }

        if (!_buckets.TryGetValue(KeyOf(route), out var bucket))
        {
            return TimeSpan.Zero;
        }

        if (bucket.ResetAt <= now)
        {
            bucket.Remaining = Math.Max(bucket.Remaining, bucket.Limit);
        }

        if (bucket.Remaining <= 0)
        {
            return bucket.ResetAt - now;
        }

        bucket.Remaining--;
        return TimeSpan.Zero;
    }

    private string LearnBucket(DiscordRoute route, HttpResponseMessage response, DateTimeOffset now)
    {
        if (Header(response, "X-RateLimit-Bucket") is { Length: > 0 } hash)
        {
            _bucketOfRoute[route.Name] = hash;
        }

        var key = KeyOf(route);
        if (Number(Header(response, "X-RateLimit-Limit")) is { } limit
            && Number(Header(response, "X-RateLimit-Remaining")) is { } remaining
            && Number(Header(response, "X-RateLimit-Reset-After")) is { } resetAfter)
        {
            // Reset-After, not Reset: it does not depend on our clock agreeing with Discord's.
            var bucket = BucketFor(key);
            bucket.Limit = (int)limit;
            bucket.Remaining = (int)remaining;
            bucket.ResetAt = now + TimeSpan.FromSeconds(resetAfter);
        }

        return key;
    }

    private string KeyOf(DiscordRoute route) =>
        (_bucketOfRoute.TryGetValue(route.Name, out var hash) ? hash : route.Name) + "|" + route.MajorParameter;

    private BucketState BucketFor(string key)
    {
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = new BucketState { Limit = 1, Remaining = 1 };
            _buckets[key] = bucket;
        }

        return bucket;
    }

    private void CountInvalid(DateTimeOffset now)
    {
        _invalidRequests.Enqueue(now);
        if (_invalidRequests.Count == InvalidRequestBudget)
        {
            DiscordLog.InvalidRequestBudgetSpent(logger, InvalidRequestBudget);
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private sealed class BucketState
    {
        public int Limit { get; set; }

        public int Remaining { get; set; }

        public DateTimeOffset ResetAt { get; set; }
    }
}

using System.Collections.Concurrent;

namespace IncidentBot.Slack.Api;

/// <summary>
/// Per-method pauses from 429 <c>Retry-After</c>: Slack limits "per API method per workspace per app"
/// (<see href="https://docs.slack.dev/apis/web-api/rate-limits"/>), so a 429 on <c>chat.update</c> holds back
/// later <c>chat.update</c> calls and nothing else. A singleton, so the pauses outlive the HTTP handler rotation.
/// </summary>
internal sealed class SlackRateLimits(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pausedUntil = new(StringComparer.Ordinal);

    /// <summary>How long calls to <paramref name="method"/> must still wait; zero when they may go now.</summary>
    public TimeSpan Remaining(string method)
    {
        if (!_pausedUntil.TryGetValue(method, out var until))
        {
            return TimeSpan.Zero;
        }

        var left = until - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    public void Pause(string method, TimeSpan retryAfter)
    {
        var until = time.GetUtcNow() + retryAfter;
        _pausedUntil.AddOrUpdate(method, until, (_, existing) => existing > until ? existing : until);
    }
}

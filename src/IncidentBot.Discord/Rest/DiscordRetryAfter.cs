using System.Text.Json;
using IncidentBot.Discord.Wire;

namespace IncidentBot.Discord.Rest;

/// <summary>
/// How long a 429 asks us to wait: the body's <c>retry_after</c> (seconds, with decimals) or else the
/// <c>Retry-After</c> header; Discord says to rely on either (https://docs.discord.com/developers/topics/rate-limits).
/// </summary>
internal static class DiscordRetryAfter
{
    public static async Task<TimeSpan?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            // Buffered so the body can be read again by the retry strategy and by the caller.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (body.Length > 0
                && JsonSerializer.Deserialize(body, DiscordJsonContext.Default.DiscordError) is { RetryAfter: { } seconds and >= 0 })
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }
        catch (JsonException)
        {
            // Not JSON (e.g. a proxy's error page): fall back to the header.
        }

        return response.Headers.RetryAfter?.Delta;
    }
}

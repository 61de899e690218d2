using System.Text.Json;

namespace IncidentBot.Discord.Wire;

/// <summary>
/// Discord's JSON error body, and the 429 body (<c>retry_after</c> in seconds, <c>global</c>):
/// https://docs.discord.com/developers/topics/rate-limits
/// </summary>
internal sealed record DiscordError
{
    public int? Code { get; init; }

    public string? Message { get; init; }

    public double? RetryAfter { get; init; }

    public bool? Global { get; init; }

    public JsonElement? Errors { get; init; }
}

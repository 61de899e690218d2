namespace IncidentBot.Discord.Wire;

/// <summary><c>GET /gateway/bot</c>.</summary>
internal sealed record GatewayBotResponse
{
    public string? Url { get; init; }

    public int? Shards { get; init; }
}

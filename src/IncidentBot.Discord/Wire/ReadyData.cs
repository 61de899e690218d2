namespace IncidentBot.Discord.Wire;

/// <summary>The READY dispatch; real captures carry many undocumented fields, which are ignored.</summary>
internal sealed record ReadyData
{
    public int V { get; init; }

    public DiscordUser? User { get; init; }

    public string? SessionId { get; init; }

    public string? ResumeGatewayUrl { get; init; }

    public ReadyApplication? Application { get; init; }
}

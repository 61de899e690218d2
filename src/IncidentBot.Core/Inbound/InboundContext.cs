using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Inbound;

/// <summary>
/// Where an inbound record came from and who sent it. <see cref="DedupKey"/> is the platform's natural key
/// (DESIGN.md §5): the store records it in the same transaction as the change, so a repeat changes nothing.
/// <see cref="Source"/> names how the input arrived (<c>slack_http</c>, <c>discord_gateway</c>, …) for the inbound
/// metric; null for an input no platform sent now (read back after downtime, or from an alert source).
/// </summary>
public sealed record InboundContext(
    WorkspaceId Workspace,
    string ChannelId,
    string? ThreadId,
    UserRef User,
    DateTimeOffset At,
    string DedupKey)
{
    public string? Source { get; init; }
}

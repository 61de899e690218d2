using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Alerts;

/// <summary>
/// What the bot made of an alert group: the incident it declared, or, below the declare threshold, a "declare?"
/// notice waiting for a person (<see cref="IncidentId"/> null until someone presses Declare). The notice itself is
/// delivered from here by the notice dispatcher (<see cref="NoticePending"/>).
/// </summary>
public sealed record AlertGroupLink
{
    public long Id { get; init; }

    public required WorkspaceId Workspace { get; init; }

    public required string ChannelId { get; init; }

    public required string Source { get; init; }

    public required string GroupKey { get; init; }

    public IncidentId? IncidentId { get; init; }

    public required string Title { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>The group's earliest <c>startsAt</c>: when the problem was detected.</summary>
    public required DateTimeOffset DetectedAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The alerts' summary lines, shown in the notice and copied to the incident when it is declared.</summary>
    public required string Details { get; init; }

    /// <summary>The group has resolved since: an incident declared from the notice says so.</summary>
    public bool Resolved { get; init; }

    public bool NoticePending { get; init; }
}

using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Dashboard;

/// <summary>What the incidents page asks for. Empty lists and nulls mean "any".</summary>
public sealed record IncidentFilter
{
    public const int MaxPageSize = 200;

    public const int MaxTextLength = 100;

    public required WorkspaceScope Scope { get; init; }

    public IReadOnlyList<IncidentStatus> Statuses { get; init; } = [];

    public Severity? Severity { get; init; }

    public Platform? Platform { get; init; }

    /// <summary>Matched case-insensitively against the title, commander and id (<c>INC-42</c>).</summary>
    public string? Text { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}

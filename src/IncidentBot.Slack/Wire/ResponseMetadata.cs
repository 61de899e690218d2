namespace IncidentBot.Slack.Wire;

/// <summary>Pagination cursor and warnings (<see href="https://docs.slack.dev/apis/web-api/pagination"/>).</summary>
internal sealed record ResponseMetadata
{
    public string? NextCursor { get; init; }

    public IReadOnlyList<string>? Messages { get; init; }

    public IReadOnlyList<string>? Warnings { get; init; }
}

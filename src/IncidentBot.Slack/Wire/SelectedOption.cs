namespace IncidentBot.Slack.Wire;

/// <summary>The option picked in a select menu.</summary>
internal sealed record SelectedOption
{
    public string? Value { get; init; }
}

namespace IncidentBot.Slack.Wire;

/// <summary>One input's value: typed text, a chosen option or a chosen user.</summary>
internal sealed record ViewStateValue
{
    public string? Type { get; init; }

    public string? Value { get; init; }

    public SelectedOption? SelectedOption { get; init; }

    public string? SelectedUser { get; init; }
}

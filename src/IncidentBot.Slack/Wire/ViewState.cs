namespace IncidentBot.Slack.Wire;

/// <summary>Input values of a submitted view, keyed by block id, then action id.</summary>
internal sealed record ViewState
{
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, ViewStateValue>>? Values { get; init; }
}

namespace IncidentBot.Slack.Wire.BlockKit;

/// <summary>A picker of one workspace member.</summary>
internal sealed record UsersSelect : InputElement
{
    public string Type { get; } = "users_select";

    public required string ActionId { get; init; }
}

namespace IncidentBot.Core.Messaging;

/// <summary>
/// Each <see cref="ButtonAction"/>'s stable name, the one mapping every adapter builds its platform's button ids
/// from (Slack's <c>action_id</c>, Discord's <c>custom_id</c>). Buttons already posted carry these names, so they
/// never change; a new action gets a new name.
/// </summary>
public static class ButtonActionNames
{
    public static string Of(ButtonAction action) => action switch
    {
        ButtonAction.Acknowledge => "ack",
        ButtonAction.TakeCommand => "take_command",
        ButtonAction.PostUpdate => "post_update",
        ButtonAction.Resolve => "resolve",
        ButtonAction.Close => "close",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>The action a name stands for; null for anything else (names come back from the platform as untrusted input).</summary>
    public static ButtonAction? Parse(string? name) => name switch
    {
        "ack" => ButtonAction.Acknowledge,
        "take_command" => ButtonAction.TakeCommand,
        "post_update" => ButtonAction.PostUpdate,
        "resolve" => ButtonAction.Resolve,
        "close" => ButtonAction.Close,
        _ => null,
    };
}

using IncidentBot.Core.Messaging;

namespace IncidentBot.Slack.Rendering;

/// <summary>
/// The ids shared by rendering and inbound mapping: button <c>action_id</c>s (the value is the incident id)
/// and modal <c>callback_id</c>s, block and action ids of the modals' inputs.
/// </summary>
internal static class SlackActionIds
{
    public const string PostUpdateModal = "post_update";
    public const string DeclareModal = "declare";
    public const string UpdateBlock = "update";
    public const string SeverityBlock = "severity";
    public const string TitleBlock = "title";
    public const string CommanderBlock = "commander";
    public const string InputAction = "value";

    /// <summary>The Declare button of an alert's "declare?" notice; its value is the notice id.</summary>
    public const string DeclareAlert = "declare_alert";

    public static string For(ButtonAction action) => action switch
    {
        ButtonAction.Acknowledge => "ack",
        ButtonAction.TakeCommand => "take_command",
        ButtonAction.PostUpdate => "post_update",
        ButtonAction.Resolve => "resolve",
        ButtonAction.Close => "close",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static ButtonAction? Parse(string? actionId) => actionId switch
    {
        "ack" => ButtonAction.Acknowledge,
        "take_command" => ButtonAction.TakeCommand,
        "post_update" => ButtonAction.PostUpdate,
        "resolve" => ButtonAction.Resolve,
        "close" => ButtonAction.Close,
        _ => null,
    };
}

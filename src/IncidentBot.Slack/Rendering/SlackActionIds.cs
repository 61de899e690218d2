using IncidentBot.Core.Messaging;

namespace IncidentBot.Slack.Rendering;

/// <summary>
/// The ids shared by rendering and inbound mapping: a button's <c>action_id</c> is its action's shared name
/// (<see cref="ButtonActionNames"/>) and its value the incident id; modal <c>callback_id</c>s, block and action ids
/// of the modals' inputs.
/// </summary>
internal static class SlackActionIds
{
    /// <summary>The Post update form, named like the button that opens it.</summary>
    public const string PostUpdateModal = "post_update";
    public const string DeclareModal = "declare";
    public const string UpdateBlock = "update";
    public const string SeverityBlock = "severity";
    public const string TitleBlock = "title";
    public const string CommanderBlock = "commander";
    public const string InputAction = "value";

    /// <summary>The Declare button of an alert's "declare?" notice; its value is the notice id.</summary>
    public const string DeclareAlert = "declare_alert";
}

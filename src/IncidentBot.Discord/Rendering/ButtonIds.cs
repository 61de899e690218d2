using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Discord.Rendering;

/// <summary>
/// A button's <c>custom_id</c> is <c>{action}:{INC-n}</c> with the shared action ids (<c>ack</c>, <c>take_command</c>,
/// <c>post_update</c>, <c>resolve</c>, <c>close</c>); the Post update modal's is <c>update:{INC-n}</c>. Parsed as untrusted input.
/// </summary>
internal static class ButtonIds
{
    public const string UpdateModal = "update";

    /// <summary>The Declare button of an alert's "declare?" notice: <c>declare_alert:{notice id}</c>.</summary>
    public const string DeclareAlert = "declare_alert";

    public static string For(ButtonAction action, IncidentId incident) => $"{Name(action)}:{incident}";

    public static string Name(ButtonAction action) => action switch
    {
        ButtonAction.Acknowledge => "ack",
        ButtonAction.TakeCommand => "take_command",
        ButtonAction.PostUpdate => "post_update",
        ButtonAction.Resolve => "resolve",
        ButtonAction.Close => "close",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static bool TryParse(string? customId, out string name, out IncidentId incident)
    {
        name = string.Empty;
        incident = default;
        var colon = customId?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (customId is null || colon <= 0 || customId.Length > 100 || !IncidentId.TryParse(customId[(colon + 1)..], out incident))
        {
            return false;
        }

        name = customId[..colon];
        return true;
    }

    public static ButtonAction? Action(string name) => name switch
    {
        "ack" => ButtonAction.Acknowledge,
        "take_command" => ButtonAction.TakeCommand,
        "post_update" => ButtonAction.PostUpdate,
        "resolve" => ButtonAction.Resolve,
        "close" => ButtonAction.Close,
        _ => null,
    };
}

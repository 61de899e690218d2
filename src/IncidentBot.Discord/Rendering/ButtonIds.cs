using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Discord.Rendering;

/// <summary>
/// A button's <c>custom_id</c> is <c>{action}:{INC-n}</c> with the action's shared name (<see cref="ButtonActionNames"/>);
/// the Post update modal's is <c>update:{INC-n}</c>. Parsed as untrusted input.
/// </summary>
internal static class ButtonIds
{
    public const string UpdateModal = "update";

    /// <summary>The Declare button of an alert's "declare?" notice: <c>declare_alert:{notice id}</c>.</summary>
    public const string DeclareAlert = "declare_alert";

    public static string For(ButtonAction action, IncidentId incident) => $"{ButtonActionNames.Of(action)}:{incident}";

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
}

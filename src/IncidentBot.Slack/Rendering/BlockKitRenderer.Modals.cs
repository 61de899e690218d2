using IncidentBot.Core.Incidents;
using IncidentBot.Slack.Wire.BlockKit;

namespace IncidentBot.Slack.Rendering;

/// <summary>The two modals: Post update (behind the button) and Declare (behind a bare <c>/incident declare</c>).</summary>
internal static partial class BlockKitRenderer
{
    /// <summary>The modal behind the Post update button; the incident and channel travel in private_metadata.</summary>
    public static ModalView PostUpdateModal(IncidentId incident, string channelId) => new()
    {
        CallbackId = SlackActionIds.PostUpdateModal,
        PrivateMetadata = $"{incident}|{channelId}",
        Title = PlainText($"Update {incident}"),
        Submit = PlainText("Post update"),
        Close = PlainText("Cancel"),
        Blocks =
        [
            new InputBlock
            {
                BlockId = SlackActionIds.UpdateBlock,
                Label = PlainText("What is the status now?"),
                Element = new PlainTextInput { ActionId = SlackActionIds.InputAction, Multiline = true, MaxLength = IncidentLimits.TextMax },
            },
        ],
    };

    /// <summary>The modal <c>/incident declare</c> opens when typed without arguments.</summary>
    public static ModalView DeclareModal(string channelId) => new()
    {
        CallbackId = SlackActionIds.DeclareModal,
        PrivateMetadata = channelId,
        Title = PlainText("Declare an incident"),
        Submit = PlainText("Declare"),
        Close = PlainText("Cancel"),
        Blocks =
        [
            new InputBlock
            {
                BlockId = SlackActionIds.SeverityBlock,
                Label = PlainText("Severity"),
                Element = new StaticSelect
                {
                    ActionId = SlackActionIds.InputAction,
                    Options =
                    [
                        Option("sev1", "SEV1 — customer-facing outage"),
                        Option("sev2", "SEV2 — degraded service"),
                        Option("sev3", "SEV3 — internal, workaround exists"),
                    ],
                },
            },
            new InputBlock
            {
                BlockId = SlackActionIds.TitleBlock,
                Label = PlainText("Short description"),
                Element = new PlainTextInput
                {
                    ActionId = SlackActionIds.InputAction,
                    MaxLength = IncidentLimits.TitleMax,
                    Placeholder = PlainText("Pipeline blocks spiking"),
                },
            },
            new InputBlock
            {
                BlockId = SlackActionIds.CommanderBlock,
                Optional = true,
                Label = PlainText("Commander (you, if left empty)"),
                Element = new UsersSelect { ActionId = SlackActionIds.InputAction },
            },
        ],
    };

    private static SelectOption Option(string value, string text) => new() { Text = PlainText(text), Value = value };
}

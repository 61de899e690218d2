using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Slack.Wire;
using IncidentBot.Slack.Wire.BlockKit;

namespace IncidentBot.Slack.Rendering;

/// <summary>
/// Block Kit for everything the bot posts: the status doc (the thread's root, edited in place), thread
/// messages with buttons, command replies and the two modals. Limits from the Block Kit reference
/// (<see href="https://docs.slack.dev/reference/block-kit/blocks"/>): section text 3000, header 150,
/// button text 75, modal title 24.
/// </summary>
internal static partial class BlockKitRenderer
{
    public const int SectionTextMax = 3000;
    public const int HeaderMax = 150;

    /// <summary>The notification and fallback text of a message; <c>chat.update</c> allows 4000.</summary>
    public const int FallbackTextMax = 3900;

    /// <summary>A thread message or reply: plain mrkdwn text, plus a section and buttons when it has buttons.</summary>
    public static SlackMessageBody Message(MessageContent content, IncidentId? incident, SlackRenderContext context)
    {
        var mrkdwn = SlackMrkdwn.Render(content.Inlines, context);
        if (content.Buttons.Count == 0 || incident is not { } id)
        {
            return new SlackMessageBody(mrkdwn, null);
        }

        Block[] blocks =
        [
            new SectionBlock { Text = Mrkdwn(SlackMrkdwn.Fit(mrkdwn, SectionTextMax)) },
            Actions(id, content.Buttons),
        ];
        return new SlackMessageBody(SlackMrkdwn.Fit(mrkdwn, FallbackTextMax), blocks);
    }

    /// <summary>The answer to a slash command: visible only to the person who typed it.</summary>
    public static CommandReply CommandReply(MessageContent content, SlackRenderContext context) =>
        new() { Text = SlackMrkdwn.Render(content.Inlines, context) };

    /// <summary>A <c>response_action: errors</c> answer that shows <paramref name="message"/> under an input block.</summary>
    public static ViewErrorsReply ViewErrors(string blockId, string message) =>
        new() { Errors = new Dictionary<string, string>(StringComparer.Ordinal) { [blockId] = Shorten(message, 1000) } };

    private static ActionsBlock Actions(IncidentId id, IReadOnlyList<ButtonAction> buttons) => new()
    {
        BlockId = $"incident:{id}",
        Elements = [.. buttons.Distinct().Select(action => new Button
        {
            ActionId = ButtonActionNames.Of(action),
            Value = id.ToString(),
            Text = PlainText(ButtonText(action)),
            Style = action switch
            {
                ButtonAction.Acknowledge or ButtonAction.PostUpdate => "primary",
                ButtonAction.Resolve => "danger",
                _ => null,
            },
        })],
    };

    private static string ButtonText(ButtonAction action) => action switch
    {
        ButtonAction.Acknowledge => "👀 Acknowledge",
        ButtonAction.TakeCommand => "Take command",
        ButtonAction.PostUpdate => "Post update",
        ButtonAction.Resolve => "Resolve",
        ButtonAction.Close => "Close",
        _ => action.ToString(),
    };

    // Only markup we wrote ourselves may link or ping: no automatic parsing of user text.
    private static MrkdwnTextObject Mrkdwn(string text) => new() { Text = text, Verbatim = true };

    private static PlainTextObject PlainText(string text) => new() { Text = Shorten(text, HeaderMax), Emoji = true };

    private static string Shorten(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}

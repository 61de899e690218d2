using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.StatusDocs;

namespace IncidentBot.Slack.Rendering;

/// <summary>
/// Block Kit for everything the bot posts: the status doc (the thread's root, edited in place), thread
/// messages with buttons, command replies and the two modals. Limits from the Block Kit reference
/// (<see href="https://docs.slack.dev/reference/block-kit/blocks"/>): section text 3000, header 150,
/// button text 75, modal title 24.
/// </summary>
internal static class BlockKitRenderer
{
    public const int SectionTextMax = 3000;
    public const int HeaderMax = 150;

    /// <summary>The notification and fallback text of a message; <c>chat.update</c> allows 4000.</summary>
    public const int FallbackTextMax = 3900;

    public static SlackMessageBody StatusDoc(StatusDoc doc)
    {
        var blocks = new JsonArray
        {
            Header(doc.Label),
            Context(
                $"*{doc.Id}* · *{Status(doc.Status)}* · declared {SlackMrkdwn.Date(doc.DeclaredAt, TimestampStyle.DateTime)}"),
            Section("*What's happening*\n", doc.WhatsHappening, $"_Not described yet: `summary {doc.Id} <text>`_"),
            Section("*Impact*\n", doc.Impact, $"_Not assessed yet: `impact {doc.Id} <text>`_"),
            Section($"*Current status*\n{Status(doc.Status).ToUpperInvariant()} — ", doc.CurrentStatusText, "_no update yet_"),
            Fields(doc),
            new JsonObject { ["type"] = "divider" },
            Timeline(doc),
        };

        if (doc.Buttons.Count > 0)
        {
            blocks.Add(Actions(doc.Id, doc.Buttons));
        }

        var text = SlackMrkdwn.Fit(SlackMrkdwn.Escape($"{doc.Label} — {Status(doc.Status)} ({doc.Id})"), FallbackTextMax);
        return new SlackMessageBody(text, blocks);
    }

    /// <summary>A thread message or reply: plain mrkdwn text, plus a section and buttons when it has buttons.</summary>
    public static SlackMessageBody Message(MessageContent content, IncidentId? incident, SlackRenderContext context)
    {
        var mrkdwn = SlackMrkdwn.Render(content.Inlines, context);
        if (content.Buttons.Count == 0 || incident is not { } id)
        {
            return new SlackMessageBody(mrkdwn, null);
        }

        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "section",
                ["text"] = Mrkdwn(SlackMrkdwn.Fit(mrkdwn, SectionTextMax)),
            },
            Actions(id, content.Buttons),
        };
        return new SlackMessageBody(SlackMrkdwn.Fit(mrkdwn, FallbackTextMax), blocks);
    }

    /// <summary>The answer to a slash command: visible only to the person who typed it.</summary>
    public static JsonObject CommandReply(MessageContent content, SlackRenderContext context) => new()
    {
        ["response_type"] = "ephemeral",
        ["text"] = SlackMrkdwn.Render(content.Inlines, context),
    };

    /// <summary>The modal behind the Post update button; the incident and channel travel in private_metadata.</summary>
    public static JsonObject PostUpdateModal(IncidentId incident, string channelId) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = SlackActionIds.PostUpdateModal,
        ["private_metadata"] = $"{incident}|{channelId}",
        ["title"] = PlainText($"Update {incident}"),
        ["submit"] = PlainText("Post update"),
        ["close"] = PlainText("Cancel"),
        ["blocks"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = SlackActionIds.UpdateBlock,
                ["label"] = PlainText("What is the status now?"),
                ["element"] = new JsonObject
                {
                    ["type"] = "plain_text_input",
                    ["action_id"] = SlackActionIds.InputAction,
                    ["multiline"] = true,
                    ["max_length"] = IncidentLimits.TextMax,
                },
            },
        },
    };

    /// <summary>The modal <c>/incident declare</c> opens when typed without arguments.</summary>
    public static JsonObject DeclareModal(string channelId) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = SlackActionIds.DeclareModal,
        ["private_metadata"] = channelId,
        ["title"] = PlainText("Declare an incident"),
        ["submit"] = PlainText("Declare"),
        ["close"] = PlainText("Cancel"),
        ["blocks"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = SlackActionIds.SeverityBlock,
                ["label"] = PlainText("Severity"),
                ["element"] = new JsonObject
                {
                    ["type"] = "static_select",
                    ["action_id"] = SlackActionIds.InputAction,
                    ["options"] = new JsonArray
                    {
                        Option("sev1", "SEV1 — customer-facing outage"),
                        Option("sev2", "SEV2 — degraded service"),
                        Option("sev3", "SEV3 — internal, workaround exists"),
                    },
                },
            },
            new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = SlackActionIds.TitleBlock,
                ["label"] = PlainText("Short description"),
                ["element"] = new JsonObject
                {
                    ["type"] = "plain_text_input",
                    ["action_id"] = SlackActionIds.InputAction,
                    ["max_length"] = IncidentLimits.TitleMax,
                    ["placeholder"] = PlainText("Pipeline blocks spiking"),
                },
            },
            new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = SlackActionIds.CommanderBlock,
                ["optional"] = true,
                ["label"] = PlainText("Commander (you, if left empty)"),
                ["element"] = new JsonObject
                {
                    ["type"] = "users_select",
                    ["action_id"] = SlackActionIds.InputAction,
                },
            },
        },
    };

    /// <summary>A <c>response_action: errors</c> answer that shows <paramref name="message"/> under an input block.</summary>
    public static JsonObject ViewErrors(string blockId, string message) => new()
    {
        ["response_action"] = "errors",
        ["errors"] = new JsonObject { [blockId] = Shorten(message, 1000) },
    };

    private static string Status(IncidentStatus status) => status.ToString();

    private static JsonObject Header(string label) => new()
    {
        ["type"] = "header",
        ["text"] = PlainText(label),
    };

    private static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray { Mrkdwn(mrkdwn) },
    };

    private static JsonObject Section(string heading, string? value, string placeholder)
    {
        var body = value is null ? placeholder : SlackMrkdwn.Escape(value);
        return new JsonObject
        {
            ["type"] = "section",
            ["text"] = Mrkdwn(SlackMrkdwn.Fit(heading + body, SectionTextMax)),
        };
    }

    private static JsonObject Fields(StatusDoc doc)
    {
        var ack = doc.AcknowledgedBy is { } by
            ? SlackMrkdwn.User(by.Id) + (doc.TimeToAcknowledge is { } tta ? $" after {Minutes(tta)}" : string.Empty)
            : doc.AckDue is { } due ? $"_not yet_ — due {SlackMrkdwn.Date(due, TimestampStyle.Time)}" : "_not yet_";
        var clock = doc.NextUpdateDue is { } next
            ? $"next update due {SlackMrkdwn.Date(next, TimestampStyle.Time)}"
            : doc.Status is IncidentStatus.Resolved or IncidentStatus.Closed ? "no update clock" : "no update cadence";
        return new JsonObject
        {
            ["type"] = "section",
            ["fields"] = new JsonArray
            {
                Mrkdwn($"*Commander*\n{SlackMrkdwn.User(doc.Commander.Id)}"),
                Mrkdwn($"*Acknowledged by*\n{ack}"),
                Mrkdwn($"*Severity clock*\n{clock}"),
            },
        };
    }

    private static JsonObject Timeline(StatusDoc doc)
    {
        var text = new StringBuilder("*Timeline* (newest first)");
        if (doc.Recent.Count == 0)
        {
            text.Append("\n_nothing yet_");
        }

        foreach (var entry in doc.Recent)
        {
            var line = new StringBuilder("\n• ")
                .Append(SlackMrkdwn.Date(entry.At, TimestampStyle.Time))
                .Append(" — ");
            if (entry.Key)
            {
                line.Append("📌 ");
            }

            if (entry.Author is { } author)
            {
                line.Append(SlackMrkdwn.Escape(author)).Append(" — ");
            }

            line.Append(SlackMrkdwn.Escape(entry.Text));
            if (text.Length + line.Length > SectionTextMax)
            {
                break;
            }

            text.Append(line);
        }

        return new JsonObject
        {
            ["type"] = "section",
            ["text"] = Mrkdwn(text.ToString()),
        };
    }

    private static JsonObject Actions(IncidentId id, IReadOnlyList<ButtonAction> buttons)
    {
        var elements = new JsonArray();
        foreach (var action in buttons.Distinct())
        {
            var button = new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = ButtonActionNames.Of(action),
                ["value"] = id.ToString(),
                ["text"] = PlainText(ButtonText(action)),
            };
            if (action is ButtonAction.Acknowledge or ButtonAction.PostUpdate)
            {
                button["style"] = "primary";
            }
            else if (action is ButtonAction.Resolve)
            {
                button["style"] = "danger";
            }

            elements.Add(button);
        }

        return new JsonObject
        {
            ["type"] = "actions",
            ["block_id"] = $"incident:{id}",
            ["elements"] = elements,
        };
    }

    private static string ButtonText(ButtonAction action) => action switch
    {
        ButtonAction.Acknowledge => "👀 Acknowledge",
        ButtonAction.TakeCommand => "Take command",
        ButtonAction.PostUpdate => "Post update",
        ButtonAction.Resolve => "Resolve",
        ButtonAction.Close => "Close",
        _ => action.ToString(),
    };

    private static string Minutes(TimeSpan span) =>
        span.TotalMinutes < 1 ? "under a minute" : $"{(int)Math.Round(span.TotalMinutes)} min";

    private static JsonObject Mrkdwn(string text) => new()
    {
        ["type"] = "mrkdwn",
        ["text"] = text,
        // Only markup we wrote ourselves may link or ping: no automatic parsing of user text.
        ["verbatim"] = true,
    };

    private static JsonObject PlainText(string text) => new()
    {
        ["type"] = "plain_text",
        ["text"] = Shorten(text, HeaderMax),
        ["emoji"] = true,
    };

    private static JsonObject Option(string value, string text) => new()
    {
        ["text"] = PlainText(text),
        ["value"] = value,
    };

    private static string Shorten(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}

using System.Text;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.StatusDocs;
using IncidentBot.Slack.Wire.BlockKit;

namespace IncidentBot.Slack.Rendering;

/// <summary>The status doc: the thread's root, edited in place whenever the incident changes.</summary>
internal static partial class BlockKitRenderer
{
    public static SlackMessageBody StatusDoc(StatusDoc doc)
    {
        var blocks = new List<Block>
        {
            new HeaderBlock { Text = PlainText(doc.Label) },
            new ContextBlock
            {
                Elements = [Mrkdwn($"*{doc.Id}* · *{Status(doc.Status)}* · declared {SlackMrkdwn.Date(doc.DeclaredAt, TimestampStyle.DateTime)}")],
            },
            Section("*What's happening*\n", doc.WhatsHappening, $"_Not described yet: `summary {doc.Id} <text>`_"),
            Section("*Impact*\n", doc.Impact, $"_Not assessed yet: `impact {doc.Id} <text>`_"),
            Section($"*Current status*\n{Status(doc.Status).ToUpperInvariant()} — ", doc.CurrentStatusText, "_no update yet_"),
            Fields(doc),
            new DividerBlock(),
            Timeline(doc),
        };

        if (doc.Buttons.Count > 0)
        {
            blocks.Add(Actions(doc.Id, doc.Buttons));
        }

        var text = SlackMrkdwn.Fit(SlackMrkdwn.Escape($"{doc.Label} — {Status(doc.Status)} ({doc.Id})"), FallbackTextMax);
        return new SlackMessageBody(text, blocks);
    }

    private static string Status(IncidentStatus status) => status.ToString();

    private static SectionBlock Section(string heading, string? value, string placeholder)
    {
        var body = value is null ? placeholder : SlackMrkdwn.Escape(value);
        return new SectionBlock { Text = Mrkdwn(SlackMrkdwn.Fit(heading + body, SectionTextMax)) };
    }

    private static SectionBlock Fields(StatusDoc doc)
    {
        var ack = doc.AcknowledgedBy is { } by
            ? SlackMrkdwn.User(by.Id) + (doc.TimeToAcknowledge is { } tta ? $" after {Minutes(tta)}" : string.Empty)
            : doc.AckDue is { } due ? $"_not yet_ — due {SlackMrkdwn.Date(due, TimestampStyle.Time)}" : "_not yet_";
        var clock = doc.NextUpdateDue is { } next
            ? $"next update due {SlackMrkdwn.Date(next, TimestampStyle.Time)}"
            : doc.Status is IncidentStatus.Resolved or IncidentStatus.Closed ? "no update clock" : "no update cadence";
        return new SectionBlock
        {
            Fields =
            [
                Mrkdwn($"*Commander*\n{SlackMrkdwn.User(doc.Commander.Id)}"),
                Mrkdwn($"*Acknowledged by*\n{ack}"),
                Mrkdwn($"*Severity clock*\n{clock}"),
            ],
        };
    }

    private static SectionBlock Timeline(StatusDoc doc)
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

        return new SectionBlock { Text = Mrkdwn(text.ToString()) };
    }

    private static string Minutes(TimeSpan span) =>
        span.TotalMinutes < 1 ? "under a minute" : $"{(int)Math.Round(span.TotalMinutes)} min";
}

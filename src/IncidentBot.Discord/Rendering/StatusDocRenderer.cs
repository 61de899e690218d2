using IncidentBot.Core.Handling;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.StatusDocs;
using IncidentBot.Discord.Wire;

namespace IncidentBot.Discord.Rendering;

/// <summary>
/// The status doc as one embed with the buttons under it, edited in place. Shaped like the runbook's doc
/// (What's happening, Impact, Current status, the newest timeline entries) and kept inside the embed limits
/// (4096 description, 1024 per field, 6000 in all): what does not fit is shortened with a note saying so and
/// where the full text is, never silently.
/// </summary>
internal static class StatusDocRenderer
{
    private const string FieldCut = "… (shortened; full text in the thread)";

    public static MessagePayload Render(StatusDoc doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var fields = new List<EmbedField>
        {
            Field("What's happening", doc.WhatsHappening, "Not written yet: `/incident summary`."),
            Field("Impact", doc.Impact, "Not written yet: `/incident impact`."),
            Field("Current status", null, StatusLine(doc)),
            new("Commander", $"<@{doc.Commander.Id}>", Inline: true),
            new("Acknowledged by", Acknowledged(doc), Inline: true),
            new("Severity clock", Clock(doc), Inline: true),
        };

        var title = TextCutter.Shorten(doc.Label, DiscordLimits.EmbedTitle, "…");
        var footer = $"IncidentBot · {doc.Id}";
        var head = $"**{doc.Id}** · {doc.Status.ToString().ToUpperInvariant()} · declared {DiscordMessageRenderer.Time(doc.DeclaredAt, 'f')}";
        var fixedLength = title.Length + footer.Length + fields.Sum(f => f.Name.Length + f.Value.Length);
        var description = Description(head, doc.Recent, Math.Min(DiscordLimits.EmbedDescription, DiscordLimits.EmbedTotal - fixedLength));

        return new MessagePayload
        {
            Content = string.Empty,
            Embeds =
            [
                new Embed
                {
                    Title = title,
                    Description = description,
                    Color = Color(doc),
                    Fields = fields,
                    Footer = new EmbedFooter(footer),
                    Timestamp = doc.DeclaredAt,
                },
            ],
            AllowedMentions = AllowedMentions.None,

            // An empty list removes the buttons once none apply (a closed incident).
            Components = DiscordMessageRenderer.Buttons(doc.Buttons, doc.Id) ?? [],
        };
    }

    private static EmbedField Field(string name, string? userText, string fallback)
    {
        var value = userText is { Length: > 0 } text ? DiscordMarkdown.Escape(text) : fallback;
        return new EmbedField(name, TextCutter.Shorten(value, DiscordLimits.FieldValue, FieldCut), Inline: false);
    }

    private static string StatusLine(StatusDoc doc)
    {
        var status = doc.Status.ToString().ToUpperInvariant();
        var line = doc.CurrentStatusText is { Length: > 0 } text ? $"{status} — {DiscordMarkdown.Escape(text)}" : status;
        return TextCutter.Shorten(line, DiscordLimits.FieldValue, FieldCut);
    }

    private static string Acknowledged(StatusDoc doc) => doc.AcknowledgedBy is { } by
        ? $"<@{by.Id}>" + (doc.TimeToAcknowledge is { } after ? $" after {Durations.Format(after)}" : string.Empty)
        : doc.AckDue is { } due
            ? $"Not yet — due {DiscordMessageRenderer.Time(due, 't')} ({DiscordMessageRenderer.Time(due, 'R')})"
            : "Not yet";

    private static string Clock(StatusDoc doc) => doc.Status switch
    {
        IncidentStatus.Resolved => "Resolved — monitoring",
        IncidentStatus.Closed => "Closed",
        _ when doc.NextUpdateDue is { } due =>
            $"Next update due {DiscordMessageRenderer.Time(due, 't')} ({DiscordMessageRenderer.Time(due, 'R')})",
        _ => $"No update cadence at {doc.Severity.Label()}",
    };

    /// <summary>The head line and the timeline, newest first; the oldest lines give way when space runs out, with a count.</summary>
    private static string Description(string head, IReadOnlyList<StatusDocEntry> recent, int budget)
    {
        var lines = recent.Select(e =>
            $"- {DiscordMessageRenderer.Time(e.At, 't')} — {DiscordMarkdown.Escape(e.Author ?? "IncidentBot")} — {(e.Key ? "📌 " : string.Empty)}{DiscordMarkdown.Escape(e.Text)}")
            .ToList();
        var heading = lines.Count == 0 ? string.Empty : "\n\n**Timeline (newest first)**";
        for (var kept = lines.Count; kept >= 0; kept--)
        {
            var omitted = lines.Count - kept;
            var text = head + heading + string.Concat(lines.Take(kept).Select(l => "\n" + l))
                + (omitted > 0 ? $"\n… {omitted} older entr{(omitted == 1 ? "y" : "ies")}: `/incident timeline`" : string.Empty);
            if (text.Length <= budget)
            {
                return text;
            }
        }

        return TextCutter.Shorten(head, Math.Max(budget, 1), "…");
    }

    private static int Color(StatusDoc doc) => doc.Status switch
    {
        IncidentStatus.Resolved => 0x2EB67D,
        IncidentStatus.Closed => 0x808080,
        _ => doc.Severity switch
        {
            Severity.Sev1 => 0xE01E5A,
            Severity.Sev2 => 0xF2A33A,
            _ => 0xECB22E,
        },
    };
}

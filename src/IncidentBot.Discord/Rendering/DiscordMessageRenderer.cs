using System.Globalization;
using System.Text;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Discord.Configuration;
using IncidentBot.Discord.Wire;

namespace IncidentBot.Discord.Rendering;

/// <summary>
/// Renders Core's platform-neutral messages as Discord markdown: user text escaped, times as <c>&lt;t:unix:style&gt;</c>
/// (shown in each reader's zone), mentions as <c>&lt;@id&gt;</c> and listed in allowed_mentions. Text past
/// Discord's 2000-character content limit is split at line or word boundaries, never cut.
/// </summary>
internal sealed class DiscordMessageRenderer(EscalationTarget escalation)
{
    public const string NoEscalationTarget = "(no escalation role configured)";

    /// <summary>Renders <paramref name="content"/> into one or more messages of at most <paramref name="limit"/> characters.</summary>
    public IReadOnlyList<RenderedMessage> Render(MessageContent content, Incident? incident, int limit = DiscordLimits.Content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var segments = Segments(content, incident, out var users, out var roles);
        return Split(segments, limit)
            .Select(chunk => new RenderedMessage(
                chunk,
                [.. users.Where(u => chunk.Contains($"<@{u}>", StringComparison.Ordinal))],
                [.. roles.Where(r => chunk.Contains($"<@&{r}>", StringComparison.Ordinal))]))
            .ToList();
    }

    /// <summary>The whole text as one string, for a file or a check of the total length.</summary>
    public string RenderWhole(MessageContent content, Incident? incident) =>
        string.Concat(Segments(content, incident, out _, out _).Select(s => s.Text));

    public static AllowedMentions Mentions(RenderedMessage message) => new(
        [],
        message.Users.Count == 0 ? null : message.Users,
        message.Roles.Count == 0 ? null : message.Roles);

    public static IReadOnlyList<WireComponent>? Buttons(IReadOnlyList<ButtonAction> buttons, IncidentId? incident)
    {
        if (buttons.Count == 0 || incident is not { } id)
        {
            return null;
        }

        return
        [
            new WireComponent
            {
                Type = 1,
                Components = [.. buttons.Distinct().Take(5).Select(action => new WireComponent
                {
                    Type = 2,
                    Style = action switch
                    {
                        ButtonAction.Acknowledge or ButtonAction.Resolve => 3,
                        ButtonAction.PostUpdate => 1,
                        _ => 2,
                    },
                    Label = action switch
                    {
                        ButtonAction.Acknowledge => "Acknowledge",
                        ButtonAction.TakeCommand => "Take command",
                        ButtonAction.PostUpdate => "Post update",
                        ButtonAction.Resolve => "Resolve",
                        _ => "Close",
                    },
                    CustomId = ButtonIds.For(action, id),
                })],
            },
        ];
    }

    public static string Time(DateTimeOffset at, char style) =>
        string.Create(CultureInfo.InvariantCulture, $"<t:{at.ToUnixTimeSeconds()}:{style}>");

    private List<Segment> Segments(MessageContent content, Incident? incident, out List<string> users, out List<string> roles)
    {
        users = [];
        roles = [];
        var segments = new List<Segment>(content.Inlines.Count);
        foreach (var inline in content.Inlines)
        {
            switch (inline)
            {
                case PlainText t:
                    segments.Add(new Segment(DiscordMarkdown.Escape(t.Value), Breakable: true));
                    break;
                case BoldText b when b.Value.Length > 0:
                    segments.Add(new Segment("**" + DiscordMarkdown.Escape(b.Value) + "**", Breakable: false));
                    break;
                case CodeText c when c.Value.Length > 0:
                    segments.Add(new Segment(DiscordMarkdown.Code(c.Value), Breakable: false));
                    break;
                case UserMention m when IsId(m.UserId):
                    users.Add(m.UserId);
                    segments.Add(new Segment($"<@{m.UserId}>", Breakable: false));
                    break;
                case UserMention m:
                    segments.Add(new Segment(DiscordMarkdown.Escape("@" + m.UserId), Breakable: false));
                    break;
                case EscalationMention:
                    segments.Add(Escalation(users, roles));
                    break;
                case Timestamp ts:
                    segments.Add(new Segment(Time(ts.At, ts.Style switch
                    {
                        TimestampStyle.Relative => 'R',
                        TimestampStyle.DateTime => 'f',
                        _ => 't',
                    }), Breakable: false));
                    break;
                case LineBreak:
                    segments.Add(new Segment("\n", Breakable: true));
                    break;
                case ThreadLink:
                    segments.Add(new Segment(
                        incident?.ThreadId is { } thread ? $"<#{thread}>" : incident is null ? "(thread)" : $"<#{incident.ChannelId}>",
                        Breakable: false));
                    break;
            }
        }

        users = [.. users.Distinct(StringComparer.Ordinal)];
        roles = [.. roles.Distinct(StringComparer.Ordinal)];
        return segments;
    }

    private Segment Escalation(List<string> users, List<string> roles)
    {
        if (escalation.RoleId is { } role)
        {
            roles.Add(role);
            return new Segment($"<@&{role}>", Breakable: false);
        }

        if (escalation.UserId is { } user)
        {
            users.Add(user);
            return new Segment($"<@{user}>", Breakable: false);
        }

        return new Segment(NoEscalationTarget, Breakable: false);
    }

    private static List<string> Split(List<Segment> segments, int limit)
    {
        var chunks = new List<string>();
        var current = new StringBuilder();
        foreach (var segment in segments)
        {
            var text = segment.Text;
            while (text.Length > 0)
            {
                var room = limit - current.Length;
                if (text.Length <= room)
                {
                    current.Append(text);
                    break;
                }

                if (!segment.Breakable && text.Length <= limit)
                {
                    Flush(chunks, current);
                    continue;
                }

                var cut = TextCutter.NaturalCut(text, room);
                var atLineBreak = cut > 0 && text[cut - 1] == '\n';
                var lastLine = LastIndexOf(current, '\n');
                if (!atLineBreak && lastLine >= 0 && lastLine + 1 >= limit / 2)
                {
                    // End the chunk at the line break already in it; what followed moves to the next chunk.
                    var carry = current.ToString(lastLine + 1, current.Length - lastLine - 1);
                    current.Length = lastLine + 1;
                    Flush(chunks, current);
                    current.Append(carry);
                    continue;
                }

                if (cut <= 0 || (current.Length > 0 && cut < room / 2))
                {
                    if (current.Length > 0)
                    {
                        Flush(chunks, current);
                        continue;
                    }

                    // No line or word break in a whole message's worth of text: cut where it is safe.
                    cut = Math.Max(1, TextCutter.SafeCut(text, limit));
                }

                current.Append(text.AsSpan(0, cut));
                text = text[cut..];
                Flush(chunks, current);
            }
        }

        Flush(chunks, current);
        return chunks.Count == 0 ? [string.Empty] : chunks;
    }

    private static int LastIndexOf(StringBuilder text, char c)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (text[i] == c)
            {
                return i;
            }
        }

        return -1;
    }

    private static void Flush(List<string> chunks, StringBuilder current)
    {
        if (current.Length > 0)
        {
            chunks.Add(current.ToString());
            current.Clear();
        }
    }

    private static bool IsId(string id) => id.Length is > 0 and <= 20 && id.All(char.IsAsciiDigit);

    private sealed record Segment(string Text, bool Breakable);
}

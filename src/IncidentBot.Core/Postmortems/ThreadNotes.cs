using System.Globalization;
using System.Text.RegularExpressions;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Postmortems;

/// <summary>
/// What responders wrote for the postmortem while it happened: thread messages that begin with
/// <c>root cause:</c>, <c>went well:</c>, <c>went poorly:</c> or <c>action:</c> (DESIGN.md §2) pre-fill those
/// sections, oldest first. Texts are plain (mentions resolved), not yet escaped.
/// </summary>
internal sealed partial record ThreadNotes(
    IReadOnlyList<string> RootCauses,
    IReadOnlyList<string> WentWell,
    IReadOnlyList<string> WentPoorly,
    IReadOnlyList<DraftAction> Actions)
{
    /// <summary>Reads live (not deleted) thread messages, oldest first.</summary>
    public static ThreadNotes From(IEnumerable<TimelineEntry> messages, MentionText mentions)
    {
        List<string> rootCauses = [], wentWell = [], wentPoorly = [];
        List<DraftAction> actions = [];
        foreach (var message in messages)
        {
            var match = Prefix().Match(message.Text);
            if (!match.Success)
            {
                continue;
            }

            var rest = message.Text[match.Length..];
            switch (match.Groups["kind"].Value.ToUpperInvariant())
            {
                case "ACTION":
                    if (ParseAction(rest, message.At, mentions) is { } action)
                    {
                        actions.Add(action);
                    }

                    break;
                case var kind when mentions.ToPlain(rest).Trim() is { Length: > 0 } text:
                    (kind == "ROOT CAUSE" ? rootCauses : kind == "WENT WELL" ? wentWell : wentPoorly).Add(text);
                    break;
            }
        }

        return new ThreadNotes(rootCauses, wentWell, wentPoorly, actions);
    }

    /// <summary>
    /// <c>&lt;text&gt; [@owner] [due YYYY-MM-DD]</c>, the <c>action</c> command's grammar (CommandUsage), read
    /// leniently: a date that is not one stays in the text rather than losing the line, and a plain
    /// <c>@handle</c> (typed without picking the person) still names the owner.
    /// </summary>
    internal static DraftAction? ParseAction(string raw, DateTimeOffset at, MentionText mentions)
    {
        var text = raw.Trim();
        DateOnly? due = null;
        var dueMatch = TrailingDue().Match(text);
        if (dueMatch.Success
            && DateOnly.TryParseExact(dueMatch.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            due = date;
            text = text[..dueMatch.Index].TrimEnd();
        }

        string? owner = null;
        var ownerMatch = TrailingOwner().Match(text);
        if (ownerMatch.Success)
        {
            var token = ownerMatch.Groups["owner"].Value;
            owner = CommandParser.ParseMention(token) is { } user
                ? (user.Name != user.Id ? user.Name : mentions.NameOf(user.Id))
                : token[1..];
            text = text[..ownerMatch.Index].TrimEnd();
        }

        var plain = mentions.ToPlain(text).Trim();
        return plain.Length == 0 ? null : new DraftAction(plain, owner, due, Done: false, at);
    }

    [GeneratedRegex(@"^\s*(?<kind>root cause|went well|went poorly|action)\s*:", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"(?:^|\s)due\s+(?<date>\S+)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TrailingDue();

    [GeneratedRegex(@"(?:^|\s)(?<owner><@[A-Za-z0-9]+(?:\|[^>|]{0,80})?>|@[\p{L}\p{N}._-]{1,80})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingOwner();
}

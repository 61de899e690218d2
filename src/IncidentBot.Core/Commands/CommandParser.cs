using System.Text.RegularExpressions;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Commands;

/// <summary>
/// The one command grammar of DESIGN.md §2, shared by every front end: <c>verb [INC-n] arguments</c>.
/// Input is data: nothing here interprets markup. A person is recognised only as the mention token every front end
/// writes for one, <c>&lt;@id&gt;</c> or <c>&lt;@id|name&gt;</c>; the adapters turn their platform's forms into it.
/// </summary>
public static partial class CommandParser
{
    public static ParseResult Parse(string? input)
    {
        if (input is null || string.IsNullOrWhiteSpace(input))
        {
            return ParseResult.Fail("No command given.", "help");
        }

        if (input.Length > IncidentLimits.CommandMax)
        {
            return ParseResult.Fail(
                $"That command is {input.Length} characters long; the limit is {IncidentLimits.CommandMax}.",
                CommandUsage.For(SplitFirst(input).First.ToLowerInvariant()));
        }

        var text = input.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var (verb, rest) = SplitFirst(text);
        verb = verb.ToLowerInvariant();

        if (verb is "declare")
        {
            return CommandArguments.ParseDeclare(rest);
        }

        if (verb is "list")
        {
            return ParseResult.Ok(new ListCommand());
        }

        if (verb is "help")
        {
            var topic = SplitFirst(rest).First.ToLowerInvariant();
            return ParseResult.Ok(new HelpCommand(topic.Length == 0 ? null : topic));
        }

        if (CommandUsage.All.All(u => u.Verb != verb))
        {
            return UnknownVerb(verb);
        }

        var usage = CommandUsage.For(verb);
        IncidentId? target = null;
        var (maybeId, afterId) = SplitFirst(rest);
        if (IncidentId.TryParse(maybeId, out var id))
        {
            target = id;
            rest = afterId;
        }
        else if (maybeId.StartsWith("INC-", StringComparison.OrdinalIgnoreCase))
        {
            return ParseResult.Fail($"`{Printable(maybeId)}` is not an incident id (they look like INC-42).", usage);
        }

        return verb switch
        {
            "commander" => CommandArguments.ParseCommander(target, rest, usage),
            "sev" => CommandArguments.ParseSeverity(target, rest, usage),
            "status" => CommandArguments.ParseStatus(target, rest, usage),
            "update" => CommandArguments.RequiredText(rest, "update", usage, t => new UpdateCommand(target, t)),
            "impact" => CommandArguments.RequiredText(rest, "impact", usage, t => new ImpactCommand(target, t)),
            "summary" => CommandArguments.RequiredText(rest, "summary", usage, t => new SummaryCommand(target, t)),
            "note" => CommandArguments.RequiredText(rest, "note", usage, t => new NoteCommand(target, t)),
            "action" => CommandArguments.ParseAction(target, rest, usage),
            "ack" => CommandArguments.NoArguments(rest, usage, new AckCommand(target)),
            "resolve" => CommandArguments.OptionalText(rest, usage, t => new ResolveCommand(target, t)),
            "close" => CommandArguments.NoArguments(rest, usage, new CloseCommand(target)),
            "reopen" => CommandArguments.NoArguments(rest, usage, new ReopenCommand(target)),
            "timeline" => CommandArguments.NoArguments(rest, usage, new TimelineCommand(target)),
            "postmortem" => CommandArguments.ParsePostmortem(target, rest, usage),
            "pagerduty" => PagerDutyReference.Parse(target, rest, usage),
            _ => UnknownVerb(verb),
        };
    }

    /// <summary>Checks free text: not blank, within the limit, no control characters but newline and tab.</summary>
    public static string? CheckText(string text, string what, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"The {what} is empty.";
        }

        var length = IncidentLimits.Length(text);
        if (length > max)
        {
            return $"The {what} is {length} characters long; the limit is {max}.";
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not '\n' and not '\t')
            {
                return $"The {what} contains a control character (U+{(int)c:X4}).";
            }
        }

        return null;
    }

    /// <summary>Reads a mention token (<c>&lt;@U123|name&gt;</c>, <c>&lt;@123&gt;</c>).</summary>
    public static UserRef? ParseMention(string token)
    {
        var match = MentionPattern().Match(token);
        if (!match.Success || match.Length != token.Length)
        {
            return null;
        }

        var userId = match.Groups["id"].Value;
        var name = match.Groups["name"].Success && match.Groups["name"].Value.Length > 0 ? match.Groups["name"].Value : userId;
        return new UserRef(userId, name);
    }

    internal static ParseResult UnknownVerb(string verb) => ParseResult.Fail(
        $"Unknown command `{Printable(verb)}`. The commands are: {string.Join(", ", CommandUsage.All.Select(u => u.Verb))}.",
        "help [command]");

    internal static (string First, string Remainder) SplitFirst(string text)
    {
        text = text.TrimStart();
        var end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return (text[..end], text[end..].Trim());
    }

    /// <summary>
    /// Echoes a token back safely: short, one line, no backticks to break the code span. Control characters
    /// show as U+FFFD rather than vanishing, so "upd\0ate" is not echoed as a valid-looking "update".
    /// </summary>
    internal static string Printable(string token)
    {
        var clean = new string([.. token.Where(c => c != '`').Select(c => char.IsControl(c) ? '\uFFFD' : c)]);
        return clean.Length <= 40 ? clean : clean[..40] + "…";
    }

    [GeneratedRegex(@"<@(?<id>[A-Za-z0-9]+)(\|(?<name>[^>|]{0,80}))?>", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}

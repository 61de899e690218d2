using System.Globalization;
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
            return ParseDeclare(rest);
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
            "commander" => ParseCommander(target, rest, usage),
            "sev" => ParseSeverity(target, rest, usage),
            "status" => ParseStatus(target, rest, usage),
            "update" => RequiredText(rest, "update", usage, t => new UpdateCommand(target, t)),
            "impact" => RequiredText(rest, "impact", usage, t => new ImpactCommand(target, t)),
            "summary" => RequiredText(rest, "summary", usage, t => new SummaryCommand(target, t)),
            "note" => RequiredText(rest, "note", usage, t => new NoteCommand(target, t)),
            "action" => ParseAction(target, rest, usage),
            "ack" => NoArguments(rest, usage, new AckCommand(target)),
            "resolve" => OptionalText(rest, usage, t => new ResolveCommand(target, t)),
            "close" => NoArguments(rest, usage, new CloseCommand(target)),
            "reopen" => NoArguments(rest, usage, new ReopenCommand(target)),
            "timeline" => NoArguments(rest, usage, new TimelineCommand(target)),
            "postmortem" => ParsePostmortem(target, rest, usage),
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

    private static ParseResult UnknownVerb(string verb) => ParseResult.Fail(
        $"Unknown command `{Printable(verb)}`. The commands are: {string.Join(", ", CommandUsage.All.Select(u => u.Verb))}.",
        "help [command]");

    private static ParseResult ParseDeclare(string rest)
    {
        const string usage = "declare <sev1|sev2|sev3> <title> [commander @user]";
        var (sevText, title) = SplitFirst(rest);
        if (sevText.Length == 0)
        {
            return ParseResult.Fail("`declare` needs a severity and a title.", usage);
        }

        if (!SeverityText.TryParse(sevText, out var severity))
        {
            return ParseResult.Fail($"`{Printable(sevText)}` is not a severity: use sev1, sev2 or sev3.", usage);
        }

        UserRef? commander = null;
        var trailing = TrailingCommander().Match(title);
        if (trailing.Success)
        {
            commander = ParseMention(trailing.Groups["mention"].Value);
            title = title[..trailing.Index].TrimEnd();
        }
        else if (TrailingUnlinkedCommander().Match(title) is { Success: true } unlinked)
        {
            // "commander @alice" as plain text is a name the platform did not link (Slack leaves it as typed):
            // without a user id it would silently end up in the title and the declarer would command.
            return ParseResult.Fail(
                $"`{Printable(unlinked.Groups["name"].Value)}` is not a mention: type @ and pick the person so the name is linked.", usage);
        }

        if (title.Contains('\n', StringComparison.Ordinal))
        {
            return ParseResult.Fail("The title must be one line.", usage);
        }

        if (CheckText(title, "title", IncidentLimits.TitleMax) is { } problem)
        {
            return ParseResult.Fail(
                problem + $" A title is 1–{IncidentLimits.TitleMax} characters, so `[SEV1] title` fits a thread name.", usage);
        }

        return ParseResult.Ok(new DeclareCommand(severity, title.Trim(), commander));
    }

    private static ParseResult ParseCommander(IncidentId? target, string rest, string usage)
    {
        var (token, extra) = SplitFirst(rest);
        if (token.Length == 0)
        {
            return ParseResult.Fail("`commander` needs the person to hand command to.", usage);
        }

        if (ParseMention(token) is not { } user || extra.Length > 0)
        {
            return ParseResult.Fail(
                $"`{Printable(token)}` is not a mention: type @ and pick the person so the name is linked.", usage);
        }

        return ParseResult.Ok(new CommanderCommand(target, user));
    }

    private static ParseResult ParseSeverity(IncidentId? target, string rest, string usage)
    {
        var (token, extra) = SplitFirst(rest);
        if (token.Length == 0)
        {
            return ParseResult.Fail("`sev` needs the new severity.", usage);
        }

        if (!SeverityText.TryParse(token, out var severity) || extra.Length > 0)
        {
            return ParseResult.Fail($"`{Printable(token)}` is not a severity: use 1, 2 or 3.", usage);
        }

        return ParseResult.Ok(new SeverityCommand(target, severity));
    }

    private static ParseResult ParseStatus(IncidentId? target, string rest, string usage)
    {
        var (token, text) = SplitFirst(rest);
        if (token.Length == 0)
        {
            return ParseResult.Fail("`status` needs the new status.", usage);
        }

        var optional = text.Length == 0 ? null : text;
        if (optional is not null && CheckText(optional, "status text", IncidentLimits.TextMax) is { } problem)
        {
            return ParseResult.Fail(problem, usage);
        }

        return token.ToLowerInvariant() switch
        {
            "investigating" => ParseResult.Ok(new StatusCommand(target, IncidentStatus.Investigating, optional)),
            "identified" => ParseResult.Ok(new StatusCommand(target, IncidentStatus.Identified, optional)),
            "monitoring" => ParseResult.Ok(new StatusCommand(target, IncidentStatus.Monitoring, optional)),
            "resolved" => ParseResult.Ok(new ResolveCommand(target, optional)),
            "closed" => ParseResult.Fail("Closing writes the postmortem draft: use `close`.", CommandUsage.For("close")),
            _ => ParseResult.Fail($"`{Printable(token)}` is not a status: use investigating, identified or monitoring.", usage),
        };
    }

    private static ParseResult ParseAction(IncidentId? target, string rest, string usage)
    {
        var text = rest;
        DateOnly? due = null;
        var dueMatch = TrailingDue().Match(text);
        if (dueMatch.Success)
        {
            var dateText = dueMatch.Groups["date"].Value;
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return ParseResult.Fail($"`{Printable(dateText)}` is not a date: write it as YYYY-MM-DD.", usage);
            }

            due = date;
            text = text[..dueMatch.Index].TrimEnd();
        }

        UserRef? owner = null;
        var ownerMatch = TrailingMention().Match(text);
        if (ownerMatch.Success)
        {
            owner = ParseMention(ownerMatch.Groups["mention"].Value);
            text = text[..ownerMatch.Index].TrimEnd();
        }

        if (CheckText(text, "action", IncidentLimits.TextMax) is { } problem)
        {
            return ParseResult.Fail(problem, usage);
        }

        return ParseResult.Ok(new ActionCommand(target, text, owner, due));
    }

    private static ParseResult ParsePostmortem(IncidentId? target, string rest, string usage)
    {
        var (word, link) = SplitFirst(rest);
        if (word.Length == 0)
        {
            return ParseResult.Ok(new PostmortemCommand(target, Done: false, Link: null));
        }

        if (!word.Equals("done", StringComparison.OrdinalIgnoreCase))
        {
            return ParseResult.Fail($"`postmortem` takes `done` and a link, not `{Printable(word)}`.", usage);
        }

        if (link.Length == 0)
        {
            return ParseResult.Ok(new PostmortemCommand(target, Done: true, Link: null));
        }

        if (link.Length > IncidentLimits.LinkMax || link.Any(char.IsWhiteSpace)
            || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return ParseResult.Fail("The postmortem link must be one http(s) URL.", usage);
        }

        return ParseResult.Ok(new PostmortemCommand(target, Done: true, Link: link));
    }

    private static ParseResult RequiredText(string rest, string what, string usage, Func<string, IncidentCommand> make) =>
        CheckText(rest, what, IncidentLimits.TextMax) is { } problem
            ? ParseResult.Fail(problem, usage)
            : ParseResult.Ok(make(rest.Trim()));

    private static ParseResult OptionalText(string rest, string usage, Func<string?, IncidentCommand> make)
    {
        if (rest.Length == 0)
        {
            return ParseResult.Ok(make(null));
        }

        return CheckText(rest, "text", IncidentLimits.TextMax) is { } problem
            ? ParseResult.Fail(problem, usage)
            : ParseResult.Ok(make(rest.Trim()));
    }

    private static ParseResult NoArguments(string rest, string usage, IncidentCommand command) =>
        rest.Length == 0
            ? ParseResult.Ok(command)
            : ParseResult.Fail($"Unexpected `{Printable(SplitFirst(rest).First)}`.", usage);

    private static (string First, string Remainder) SplitFirst(string text)
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
    private static string Printable(string token)
    {
        var clean = new string([.. token.Where(c => c != '`').Select(c => char.IsControl(c) ? '\uFFFD' : c)]);
        return clean.Length <= 40 ? clean : clean[..40] + "…";
    }

    [GeneratedRegex(@"<@(?<id>[A-Za-z0-9]+)(\|(?<name>[^>|]{0,80}))?>", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"(^|\s+)commander\s+(?<mention><@[A-Za-z0-9]+(\|[^>|]{0,80})?>)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TrailingCommander();

    [GeneratedRegex(@"(^|\s+)commander\s+(?<name>@\S+)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TrailingUnlinkedCommander();

    [GeneratedRegex(@"(^|\s+)due\s+(?<date>\S+)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TrailingDue();

    [GeneratedRegex(@"(^|\s+)(?<mention><@[A-Za-z0-9]+(\|[^>|]{0,80})?>)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingMention();
}

using System.Globalization;
using System.Text.RegularExpressions;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Commands;

/// <summary>
/// The arguments of each verb of <see cref="CommandParser"/>'s grammar, once the verb and the optional incident id
/// are read: what each verb needs, and the refusal naming the right form when it is not there.
/// </summary>
internal static partial class CommandArguments
{
    internal static ParseResult ParseDeclare(string rest)
    {
        const string usage = "declare <sev1|sev2|sev3> <title> [commander @user]";
        var (sevText, title) = CommandParser.SplitFirst(rest);
        if (sevText.Length == 0)
        {
            return ParseResult.Fail("`declare` needs a severity and a title.", usage);
        }

        if (!SeverityText.TryParse(sevText, out var severity))
        {
            return ParseResult.Fail($"`{CommandParser.Printable(sevText)}` is not a severity: use sev1, sev2 or sev3.", usage);
        }

        UserRef? commander = null;
        var trailing = TrailingCommander().Match(title);
        if (trailing.Success)
        {
            commander = CommandParser.ParseMention(trailing.Groups["mention"].Value);
            title = title[..trailing.Index].TrimEnd();
        }
        else if (TrailingUnlinkedCommander().Match(title) is { Success: true } unlinked)
        {
            // "commander @alice" as plain text is a name the platform did not link (Slack leaves it as typed):
            // without a user id it would silently end up in the title and the declarer would command.
            return ParseResult.Fail(
                $"`{CommandParser.Printable(unlinked.Groups["name"].Value)}` is not a mention: type @ and pick the person so the name is linked.", usage);
        }

        if (title.Contains('\n', StringComparison.Ordinal))
        {
            return ParseResult.Fail("The title must be one line.", usage);
        }

        if (CommandParser.CheckText(title, "title", IncidentLimits.TitleMax) is { } problem)
        {
            return ParseResult.Fail(
                problem + $" A title is 1–{IncidentLimits.TitleMax} characters, so `[SEV1] title` fits a thread name.", usage);
        }

        return ParseResult.Ok(new DeclareCommand(severity, title.Trim(), commander));
    }

    internal static ParseResult ParseCommander(IncidentId? target, string rest, string usage)
    {
        var (token, extra) = CommandParser.SplitFirst(rest);
        if (token.Length == 0)
        {
            return ParseResult.Fail("`commander` needs the person to hand command to.", usage);
        }

        if (CommandParser.ParseMention(token) is not { } user || extra.Length > 0)
        {
            return ParseResult.Fail(
                $"`{CommandParser.Printable(token)}` is not a mention: type @ and pick the person so the name is linked.", usage);
        }

        return ParseResult.Ok(new CommanderCommand(target, user));
    }

    internal static ParseResult ParseSeverity(IncidentId? target, string rest, string usage)
    {
        var (token, extra) = CommandParser.SplitFirst(rest);
        if (token.Length == 0)
        {
            return ParseResult.Fail("`sev` needs the new severity.", usage);
        }

        if (!SeverityText.TryParse(token, out var severity) || extra.Length > 0)
        {
            return ParseResult.Fail($"`{CommandParser.Printable(token)}` is not a severity: use 1, 2 or 3.", usage);
        }

        return ParseResult.Ok(new SeverityCommand(target, severity));
    }

    internal static ParseResult ParseStatus(IncidentId? target, string rest, string usage)
    {
        var (token, text) = CommandParser.SplitFirst(rest);
        if (token.Length == 0)
        {
            return ParseResult.Fail("`status` needs the new status.", usage);
        }

        var optional = text.Length == 0 ? null : text;
        if (optional is not null && CommandParser.CheckText(optional, "status text", IncidentLimits.TextMax) is { } problem)
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
            _ => ParseResult.Fail($"`{CommandParser.Printable(token)}` is not a status: use investigating, identified or monitoring.", usage),
        };
    }

    internal static ParseResult ParseAction(IncidentId? target, string rest, string usage)
    {
        var text = rest;
        DateOnly? due = null;
        var dueMatch = TrailingDue().Match(text);
        if (dueMatch.Success)
        {
            var dateText = dueMatch.Groups["date"].Value;
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return ParseResult.Fail($"`{CommandParser.Printable(dateText)}` is not a date: write it as YYYY-MM-DD.", usage);
            }

            due = date;
            text = text[..dueMatch.Index].TrimEnd();
        }

        UserRef? owner = null;
        var ownerMatch = TrailingMention().Match(text);
        if (ownerMatch.Success)
        {
            owner = CommandParser.ParseMention(ownerMatch.Groups["mention"].Value);
            text = text[..ownerMatch.Index].TrimEnd();
        }

        if (CommandParser.CheckText(text, "action", IncidentLimits.TextMax) is { } problem)
        {
            return ParseResult.Fail(problem, usage);
        }

        return ParseResult.Ok(new ActionCommand(target, text, owner, due));
    }

    internal static ParseResult ParsePostmortem(IncidentId? target, string rest, string usage)
    {
        var (word, link) = CommandParser.SplitFirst(rest);
        if (word.Length == 0)
        {
            return ParseResult.Ok(new PostmortemCommand(target, Done: false, Link: null));
        }

        if (!word.Equals("done", StringComparison.OrdinalIgnoreCase))
        {
            return ParseResult.Fail($"`postmortem` takes `done` and a link, not `{CommandParser.Printable(word)}`.", usage);
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

    internal static ParseResult RequiredText(string rest, string what, string usage, Func<string, IncidentCommand> make) =>
        CommandParser.CheckText(rest, what, IncidentLimits.TextMax) is { } problem
            ? ParseResult.Fail(problem, usage)
            : ParseResult.Ok(make(rest.Trim()));

    internal static ParseResult OptionalText(string rest, string usage, Func<string?, IncidentCommand> make)
    {
        if (rest.Length == 0)
        {
            return ParseResult.Ok(make(null));
        }

        return CommandParser.CheckText(rest, "text", IncidentLimits.TextMax) is { } problem
            ? ParseResult.Fail(problem, usage)
            : ParseResult.Ok(make(rest.Trim()));
    }

    internal static ParseResult NoArguments(string rest, string usage, IncidentCommand command) =>
        rest.Length == 0
            ? ParseResult.Ok(command)
            : ParseResult.Fail($"Unexpected `{CommandParser.Printable(CommandParser.SplitFirst(rest).First)}`.", usage);

    [GeneratedRegex(@"(^|\s+)commander\s+(?<mention><@[A-Za-z0-9]+(\|[^>|]{0,80})?>)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TrailingCommander();

    [GeneratedRegex(@"(^|\s+)commander\s+(?<name>@\S+)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TrailingUnlinkedCommander();

    [GeneratedRegex(@"(^|\s+)due\s+(?<date>\S+)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TrailingDue();

    [GeneratedRegex(@"(^|\s+)(?<mention><@[A-Za-z0-9]+(\|[^>|]{0,80})?>)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingMention();
}

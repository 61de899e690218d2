using System.Globalization;
using System.Text;
using System.Text.Json;
using IncidentBot.Core.Incidents;
using IncidentBot.Discord.Wire;

namespace IncidentBot.Discord.Inbound;

/// <summary>
/// Turns <c>/incident &lt;subcommand&gt;</c> with its typed options (manifests/discord/commands.json) into a line of
/// Core's one grammar, e.g. <c>update INC-4 rolled back</c> or <c>commander &lt;@123|Ana&gt;</c>. The optional
/// <c>incident</c> option goes right after the verb; left out, Core infers the incident from the thread.
/// </summary>
internal static class CommandComposer
{
    public const string CommandName = "incident";

    /// <summary>The composed line, or the problem to show the user (nothing reaches Core then).</summary>
    public static (string? Text, string? Problem) Compose(InteractionData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!string.Equals(data.Name, CommandName, StringComparison.Ordinal)
            || data.Options is not [{ Type: 1 } subcommand])
        {
            return (null, "Unknown command: use `/incident help`.");
        }

        var options = (subcommand.Options ?? []).ToDictionary(o => o.Name, StringComparer.Ordinal);
        var verb = subcommand.Name;
        var incident = string.Empty;
        if (Text(options, "incident") is { } named)
        {
            var candidate = named.All(char.IsAsciiDigit) ? "INC-" + named : named;
            if (!IncidentId.TryParse(candidate, out var id))
            {
                return (null, $"`{Printable(named)}` is not an incident id (they look like INC-42).");
            }

            incident = " " + id;
        }

        var line = new StringBuilder(verb).Append(incident);
        switch (verb)
        {
            case "declare":
                line.Append(' ').Append(Text(options, "severity")).Append(' ').Append(Text(options, "title"));
                if (Mention(options, data.Resolved, "user") is { } commander)
                {
                    line.Append(" commander ").Append(commander);
                }

                break;
            case "commander":
                line.Append(' ').Append(Mention(options, data.Resolved, "user"));
                break;
            case "sev":
                line.Append(' ').Append(Text(options, "severity"));
                break;
            case "status":
                line.Append(' ').Append(Text(options, "state")).Append(Optional(Text(options, "message")));
                break;
            case "update" or "impact" or "summary" or "note" or "pagerduty":
                line.Append(' ').Append(Text(options, "text"));
                break;
            case "action":
                line.Append(' ').Append(Text(options, "text")).Append(Optional(Mention(options, data.Resolved, "user")));
                if (Text(options, "due") is { } due)
                {
                    line.Append(" due ").Append(due);
                }

                break;
            case "resolve":
                line.Append(Optional(Text(options, "text")));
                break;
            case "postmortem":
                if (options.TryGetValue("done", out var done) && done.Value is { ValueKind: JsonValueKind.True })
                {
                    line.Append(" done").Append(Optional(Text(options, "link")));
                }

                break;
            case "help":
                line.Append(Optional(Text(options, "command")));
                break;
            default:
                // ack, close, reopen, timeline, list: the verb (and incident) say it all.
                break;
        }

        return (line.ToString().TrimEnd(), null);
    }

    private static string Optional(string? value) => value is { Length: > 0 } ? " " + value : string.Empty;

    private static string? Text(Dictionary<string, InteractionOption> options, string name)
    {
        if (!options.TryGetValue(name, out var option) || option.Value is not { } value)
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>A USER option as the grammar's encoded mention <c>&lt;@id|name&gt;</c>; the name comes from <c>resolved</c>.</summary>
    private static string? Mention(Dictionary<string, InteractionOption> options, InteractionResolved? resolved, string name)
    {
        if (Text(options, name) is not { } id || !id.All(char.IsAsciiDigit))
        {
            return null;
        }

        var user = resolved?.Users?.GetValueOrDefault(id) ?? new DiscordUser { Id = id };
        var who = DiscordUsers.From(user, resolved?.Members?.GetValueOrDefault(id));
        // The grammar's <@id|name> form ends at '|' or '>': those (and '<') become spaces in the name.
        var display = string.Join(' ', new string([.. who.Name.Select(c => c is '>' or '|' or '<' || char.IsControl(c) ? ' ' : c)])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
        display = display.Length > 80 ? display[..80] : display;
        return display.Length == 0 ? $"<@{id}>" : string.Create(CultureInfo.InvariantCulture, $"<@{id}|{display}>");
    }

    private static string Printable(string token)
    {
        var clean = new string([.. token.Where(c => !char.IsControl(c) && c != '`')]);
        return clean.Length <= 40 ? clean : clean[..40] + "…";
    }
}

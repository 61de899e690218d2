using System.Text.RegularExpressions;

namespace IncidentBot.Slack.Outbound;

/// <summary>
/// How Slack renders <c>EscalationMention</c>: the first value of <c>Incidents:EscalationMention</c> written in
/// Slack's syntax (a user group <c>&lt;!subteam^S0123&gt;</c>, <c>&lt;!here&gt;</c>, <c>&lt;!channel&gt;</c> or a
/// user <c>&lt;@U0123&gt;</c>); the values are comma-separated, one per platform. Default <c>&lt;!here&gt;</c>.
/// </summary>
internal sealed partial record SlackEscalation(string Markup)
{
    public const string ConfigurationKey = "Incidents:EscalationMention";

    public const string Default = "<!here>";

    public static SlackEscalation From(string? configured)
    {
        foreach (var value in (configured ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (SlackMention().IsMatch(value))
            {
                return new SlackEscalation(value);
            }
        }

        return new SlackEscalation(Default);
    }

    [GeneratedRegex(@"^<(!subteam\^[A-Z0-9]+(\|[^<>|]*)?|!here|!channel|!everyone|@[UW][A-Z0-9]+)>$", RegexOptions.CultureInvariant)]
    private static partial Regex SlackMention();
}

using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Commands;

/// <summary>
/// The argument of <c>pagerduty</c>: a PagerDuty incident id (<c>PT4KHLK</c>) or its web URL
/// (<c>https://acme.pagerduty.com/incidents/PT4KHLK</c>); the adapters have already turned a link's markup into its address.
/// </summary>
internal static class PagerDutyReference
{
    public static ParseResult Parse(IncidentId? target, string rest, string usage)
    {
        var token = rest.Trim();
        if (token.Length == 0)
        {
            return ParseResult.Fail("`pagerduty` needs the PagerDuty incident's id or URL.", usage);
        }

        if (IsId(token))
        {
            return ParseResult.Ok(new PagerDutyCommand(target, token, null));
        }

        if (Uri.TryCreate(token, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps
            && url.Host.EndsWith(".pagerduty.com", StringComparison.OrdinalIgnoreCase)
            && url.Segments is [.., var parent, var last] && parent == "incidents/" && IsId(last.TrimEnd('/')))
        {
            return ParseResult.Ok(new PagerDutyCommand(target, last.TrimEnd('/'), url.GetLeftPart(UriPartial.Path)));
        }

        return ParseResult.Fail(
            "That is not a PagerDuty incident: give its id (like PT4KHLK) or its URL (https://<you>.pagerduty.com/incidents/PT4KHLK).", usage);
    }

    /// <summary>PagerDuty ids are 5–20 upper-case letters and digits (<c>PFQZPSY</c>, <c>Q3B15VLMF3ASBD</c>).</summary>
    private static bool IsId(string text) => text.Length is >= 5 and <= 20 && text.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));
}

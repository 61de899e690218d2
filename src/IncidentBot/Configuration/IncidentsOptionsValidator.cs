using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Configuration;

/// <summary>Refuses durations that are not positive, zones this machine does not know and reactions that are not emoji names, naming the key.</summary>
internal sealed partial class IncidentsOptionsValidator : IValidateOptions<IncidentsOptions>
{
    public ValidateOptionsResult Validate(string? name, IncidentsOptions options)
    {
        var failures = new List<string>();
        if (!TryFindZone(options.TimeZone))
        {
            failures.Add($"Incidents__TimeZone: '{options.TimeZone}' is not a time zone this machine knows; use an IANA id such as Europe/Berlin or UTC.");
        }

        Positive(failures, "Incidents__MonitoringWindow", options.MonitoringWindow);
        foreach (var (label, severity) in new[] { ("SEV1", options.Severities.Sev1), ("SEV2", options.Severities.Sev2), ("SEV3", options.Severities.Sev3) })
        {
            Positive(failures, $"Incidents__Severities__{label}__AckWithin", severity.AckWithin);
            Positive(failures, $"Incidents__Severities__{label}__UpdateEvery", severity.UpdateEvery);
            Positive(failures, $"Incidents__Severities__{label}__PostmortemWithin", severity.PostmortemWithin);
        }

        Reactions(failures, options.Reactions);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// Names as people type them between colons, the one form both platforms can be told apart by: a Unicode
    /// character would be Discord's form and mean nothing to Slack. One name cannot mean two things.
    /// </summary>
    private static void Reactions(List<string> failures, ReactionsOptions reactions)
    {
        foreach (var (key, value) in new[] { ("Acknowledge", reactions.Acknowledge), ("KeyEvent", reactions.KeyEvent), ("Confirmed", reactions.Confirmed) })
        {
            if (ReactionsOptions.Names(value).FirstOrDefault(n => !EmojiName().IsMatch(n)) is { } bad)
            {
                failures.Add($"Incidents__Reactions__{key}: '{bad}' is not an emoji name; use names as typed between colons, comma-separated, such as eyes,white_check_mark.");
            }
        }

        if (ReactionsOptions.Names(reactions.Confirmed).Count != 1)
        {
            failures.Add($"Incidents__Reactions__Confirmed: '{reactions.Confirmed}' must be exactly one emoji name, such as white_check_mark.");
        }

        if (ReactionsOptions.Names(reactions.Acknowledge).Intersect(ReactionsOptions.Names(reactions.KeyEvent), StringComparer.Ordinal).FirstOrDefault() is { } both)
        {
            failures.Add($"Incidents__Reactions__KeyEvent: '{both}' also acknowledges (Incidents__Reactions__Acknowledge); give each meaning its own emoji.");
        }
    }

    /// <summary>Slack's rule for emoji names (lower-case letters, digits, <c>_ - + '</c>), which Discord's standard names follow too.</summary>
    [GeneratedRegex("^[a-z0-9_+'-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmojiName();

    private static void Positive(List<string> failures, string key, TimeSpan? value)
    {
        if (value is { } v && v <= TimeSpan.Zero)
        {
            failures.Add($"{key}: '{v}' must be a positive duration such as 00:05:00 (hh:mm:ss) or 00:00:04.");
        }
    }

    private static bool TryFindZone(string id)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return false;
        }
    }
}

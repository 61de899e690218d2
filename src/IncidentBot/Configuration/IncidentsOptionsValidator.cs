using Microsoft.Extensions.Options;

namespace IncidentBot.Configuration;

/// <summary>Refuses durations that are not positive and zones this machine does not know, naming the key.</summary>
internal sealed class IncidentsOptionsValidator : IValidateOptions<IncidentsOptions>
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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

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

using IncidentBot.Core.Incidents;

namespace IncidentBot.Alerts.Configuration;

/// <summary>Reads <c>critical=SEV1,warning=SEV2</c>: keys case-insensitive, severities as <c>SEV1</c>, <c>sev1</c> or <c>1</c>.</summary>
internal static class SeverityMapText
{
    public static bool TryParse(string? text, out IReadOnlyDictionary<string, Severity> map, out string problem)
    {
        var result = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        map = result;
        problem = string.Empty;
        foreach (var pair in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !SeverityText.TryParse(pair[(equals + 1)..].Trim(), out var severity))
            {
                problem = $"'{pair}' is not value=SEV1|SEV2|SEV3";
                return false;
            }

            result[pair[..equals].Trim()] = severity;
        }

        if (result.Count == 0)
        {
            problem = "it maps nothing";
            return false;
        }

        return true;
    }
}

using System.Text.RegularExpressions;

namespace IncidentBot.Core.Postmortems;

/// <summary>
/// The template's four impact lines, read from the free text of <c>impact</c>. Labelled parts
/// (<c>customers affected: ~12; data integrity: none</c>, one per line or separated by <c>;</c>) fill their
/// line; anything unlabelled is kept as <see cref="Other"/> so no word of what responders wrote is lost.
/// </summary>
internal sealed partial record ImpactFields(string? Customers, string? Symptom, string? DataIntegrity, string? Revenue, string? Other)
{
    public static ImpactFields Parse(string? impact)
    {
        if (string.IsNullOrWhiteSpace(impact))
        {
            return new ImpactFields(null, null, null, null, null);
        }

        var matches = Label().Matches(impact);
        var other = Clean(matches.Count == 0 ? impact : impact[..matches[0].Index]);
        string? customers = null, symptom = null, data = null, revenue = null;
        for (var i = 0; i < matches.Count; i++)
        {
            var match = matches[i];
            var valueStart = match.Index + match.Length;
            var valueEnd = i + 1 < matches.Count ? matches[i + 1].Index : impact.Length;
            var value = Clean(impact[valueStart..valueEnd]);
            if (value is null)
            {
                continue;
            }

            switch (match.Groups["label"].Value.ToUpperInvariant())
            {
                case "CUSTOMERS AFFECTED" or "AFFECTED CUSTOMERS" or "CUSTOMERS":
                    customers = Join(customers, value);
                    break;
                case "USER-VISIBLE SYMPTOM" or "USER-VISIBLE" or "SYMPTOM" or "SYMPTOMS":
                    symptom = Join(symptom, value);
                    break;
                case "DATA INTEGRITY":
                    data = Join(data, value);
                    break;
                default:
                    revenue = Join(revenue, value);
                    break;
            }
        }

        return new ImpactFields(customers, symptom, data, revenue, other);
    }

    private static string? Clean(string part)
    {
        var trimmed = part.Trim().TrimEnd(';').Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    private static string Join(string? existing, string value) => existing is null ? value : $"{existing}; {value}";

    [GeneratedRegex(
        @"(?:^|[;\n])[ \t]*(?:[-*•][ \t]*)?(?<label>customers affected|affected customers|customers|user-visible symptom|user-visible|symptoms?|data integrity|revenue impact|revenue)[ \t]*:",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Label();
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace IncidentBot.Core.Incidents;

/// <summary>A short human id, <c>INC-42</c>, sequential per deployment across every workspace.</summary>
public readonly record struct IncidentId(long Number)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"INC-{Number}");

    public static bool TryParse([NotNullWhen(true)] string? value, out IncidentId id)
    {
        id = default;
        if (value is null || value.Length < 5 || !value.StartsWith("INC-", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var digits = value.AsSpan(4);
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        if (digits.Length > 12 || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            return false;
        }

        id = new IncidentId(number);
        return true;
    }
}

using System.Diagnostics.CodeAnalysis;

namespace IncidentBot.Core.Incidents;

/// <summary>Severity to and from text: <c>SEV1</c>, and the forms users type (<c>sev1</c>, <c>1</c>).</summary>
public static class SeverityText
{
    public static string Label(this Severity severity) => severity switch
    {
        Severity.Sev1 => "SEV1",
        Severity.Sev2 => "SEV2",
        Severity.Sev3 => "SEV3",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    public static bool TryParse([NotNullWhen(true)] string? text, out Severity severity)
    {
        severity = default;
        switch (text?.Trim().ToUpperInvariant())
        {
            case "SEV1" or "1":
                severity = Severity.Sev1;
                return true;
            case "SEV2" or "2":
                severity = Severity.Sev2;
                return true;
            case "SEV3" or "3":
                severity = Severity.Sev3;
                return true;
            default:
                return false;
        }
    }
}

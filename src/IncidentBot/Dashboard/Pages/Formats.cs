using System.Globalization;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Dashboard.Pages;

/// <summary>How the pages write times and durations; every instant is UTC on the wire and local in the browser.</summary>
internal static class Formats
{
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary><c>45 s</c>, <c>4 min</c>, <c>2 h 05 min</c>, <c>3 d 4 h</c>.</summary>
    public static string Duration(TimeSpan? span)
    {
        if (span is not { } s)
        {
            return "—";
        }

        if (s < TimeSpan.Zero)
        {
            s = TimeSpan.Zero;
        }

        return s.TotalSeconds < 60 ? $"{(int)s.TotalSeconds} s"
            : s.TotalMinutes < 60 ? $"{(int)s.TotalMinutes} min"
            : s.TotalHours < 24 ? string.Create(CultureInfo.InvariantCulture, $"{(int)s.TotalHours} h {s.Minutes:00} min")
            : $"{(int)s.TotalDays} d {s.Hours} h";
    }

    public static string StatusClass(IncidentStatus status) => "status status-" + status.ToString().ToLowerInvariant();

    public static string SeverityClass(Severity severity) => "sev sev" + (int)severity;
}

using System.Globalization;

namespace IncidentBot.Core.Handling;

/// <summary>Durations as people say them: "45 s", "5 min", "1 h 12 min", "2 d 3 h".</summary>
public static class Durations
{
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        var c = CultureInfo.InvariantCulture;
        if (span < TimeSpan.FromMinutes(1))
        {
            return string.Create(c, $"{(int)span.TotalSeconds} s");
        }

        if (span < TimeSpan.FromHours(1))
        {
            return string.Create(c, $"{(int)span.TotalMinutes} min");
        }

        if (span < TimeSpan.FromDays(2))
        {
            return span.Minutes == 0
                ? string.Create(c, $"{(int)span.TotalHours} h")
                : string.Create(c, $"{(int)span.TotalHours} h {span.Minutes} min");
        }

        return string.Create(c, $"{(int)span.TotalDays} d {span.Hours} h");
    }
}

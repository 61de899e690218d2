namespace IncidentBot.Core.Policies;

/// <summary>Business-day arithmetic in a time zone: Monday to Friday, local wall-clock hours.</summary>
public static class BusinessCalendar
{
    /// <summary>
    /// <paramref name="hour"/>:00 local time on the first Monday–Friday after the local date of
    /// <paramref name="instant"/>. Daylight-saving changes are handled by converting the local wall time,
    /// so "09:00" stays 09:00 on the clock whether the offset changed over the weekend or not.
    /// </summary>
    public static DateTimeOffset NextBusinessDayAt(DateTimeOffset instant, int hour, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var day = DateOnly.FromDateTime(local.DateTime).AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        var wall = day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(wall))
        {
            wall = wall.AddMinutes(30);
        }

        return new DateTimeOffset(wall, zone.GetUtcOffset(wall)).ToUniversalTime();
    }
}

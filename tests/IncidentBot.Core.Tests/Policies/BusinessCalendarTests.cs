using IncidentBot.Core.Incidents;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Reminders;
using IncidentBot.Core.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Core.Tests.Policies;

/// <summary>SEV3 is acknowledged by 09:00 the next business day in the configured zone (DESIGN.md §1).</summary>
public sealed class BusinessCalendarTests
{
    private static TimeZoneInfo Berlin { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static TimeZoneInfo NewYork { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void Sev3_declared_friday_evening_is_due_monday_0900_in_the_configured_zone()
    {
        var friday = Local(Berlin, 2026, 4, 17, 18, 0);

        var due = AckDue(friday, Berlin);

        Assert.Equal(Local(Berlin, 2026, 4, 20, 9, 0), due);
        Assert.Equal(new DateTimeOffset(2026, 4, 20, 7, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void Sev3_across_the_spring_forward_weekend_is_due_at_0900_summer_time()
    {
        var friday = Local(Berlin, 2026, 3, 27, 18, 0);

        var due = AckDue(friday, Berlin);

        Assert.Equal(TimeSpan.FromHours(1), friday.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.FromHours(2)), due);
        Assert.Equal(TimeSpan.FromHours(62), due - friday);
    }

    [Fact]
    public void Sev3_across_the_fall_back_weekend_is_due_at_0900_winter_time()
    {
        var friday = Local(Berlin, 2026, 10, 23, 18, 0);

        var due = AckDue(friday, Berlin);

        Assert.Equal(TimeSpan.FromHours(2), friday.Offset);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 9, 0, 0, TimeSpan.FromHours(1)), due);
        Assert.Equal(TimeSpan.FromHours(64), due - friday);
    }

    [Fact]
    public void Sev3_in_new_york_across_its_own_dst_weekend_is_due_monday_0900_eastern()
    {
        var friday = Local(NewYork, 2026, 3, 6, 18, 0);

        var due = AckDue(friday, NewYork);

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(-4)), due);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 13, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void The_local_date_decides_the_day_not_the_utc_date()
    {
        var fridayLateInNewYork = Local(NewYork, 2026, 4, 17, 22, 30);
        Assert.Equal(DayOfWeek.Saturday, fridayLateInNewYork.UtcDateTime.DayOfWeek);

        Assert.Equal(Local(NewYork, 2026, 4, 20, 9, 0), AckDue(fridayLateInNewYork, NewYork));
    }

    [Theory]
    [InlineData(2026, 4, 18, 11, 2026, 4, 20)]
    [InlineData(2026, 4, 19, 23, 2026, 4, 20)]
    [InlineData(2026, 4, 20, 10, 2026, 4, 21)]
    [InlineData(2026, 4, 20, 2, 2026, 4, 21)]
    [InlineData(2026, 4, 23, 18, 2026, 4, 24)]
    public void The_weekend_is_skipped_and_weekdays_roll_to_the_next_day(int y, int m, int d, int h, int dy, int dm, int dd) =>
        Assert.Equal(Local(Berlin, dy, dm, dd, 9, 0), AckDue(Local(Berlin, y, m, d, h, 0), Berlin));

    [Fact]
    public void The_sev3_ack_reminder_fires_monday_0900_then_each_business_morning_and_never_updates()
    {
        var policy = IncidentPolicy.Default with { TimeZone = Berlin };
        var friday = Local(Berlin, 2026, 3, 27, 18, 0);
        var incident = new Incident
        {
            Id = new IncidentId(3),
            Workspace = new WorkspaceId(Platform.Discord, "G1"),
            ChannelId = "C1",
            Title = "Wiki search is slow",
            Severity = Severity.Sev3,
            Commander = new UserRef("1", "alice"),
            DeclaredBy = new UserRef("1", "alice"),
            DeclaredAt = friday,
        };
        var loop = new PlannerLoop(incident, policy, new FakeTimeProvider(friday));

        loop.RunUntil(TimeSpan.FromDays(5));

        Assert.Equal(
            [
                Local(Berlin, 2026, 3, 30, 9, 0),
                Local(Berlin, 2026, 3, 31, 9, 0),
                Local(Berlin, 2026, 4, 1, 9, 0),
            ],
            loop.FiredAt(ReminderKind.Acknowledge).Select(after => friday + after));
        Assert.Empty(loop.FiredAt(ReminderKind.Update));
    }

    private static DateTimeOffset AckDue(DateTimeOffset declared, TimeZoneInfo zone) =>
        (IncidentPolicy.Default with { TimeZone = zone }).AckDue(Severity.Sev3, declared);

    private static DateTimeOffset Local(TimeZoneInfo zone, int year, int month, int day, int hour, int minute)
    {
        var wall = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }
}

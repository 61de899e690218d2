using IncidentBot.Core.Handling;

namespace IncidentBot.Core.Tests.Handling;

public sealed class DurationsTests
{
    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(4, "4 s")]
    [InlineData(59.9, "59 s")]
    [InlineData(60, "1 min")]
    [InlineData(15 * 60, "15 min")]
    [InlineData(60 * 60, "1 h")]
    [InlineData(72 * 60, "1 h 12 min")]
    [InlineData(47 * 3600 + 59 * 60, "47 h 59 min")]
    [InlineData(48 * 3600, "2 d 0 h")]
    [InlineData(51 * 3600 + 30 * 60, "2 d 3 h")]
    [InlineData(-5, "0 s")]
    public void Durations_read_as_people_say_them(double seconds, string text) =>
        Assert.Equal(text, Durations.Format(TimeSpan.FromSeconds(seconds)));
}

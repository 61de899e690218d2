namespace IncidentBot.Configuration;

/// <summary>One severity's clocks; a null leaves that clock off (SEV3's ack falls back to next business day 09:00).</summary>
internal sealed class SeverityOptions
{
    public TimeSpan? AckWithin { get; set; }

    public TimeSpan? UpdateEvery { get; set; }

    public TimeSpan? PostmortemWithin { get; set; }
}

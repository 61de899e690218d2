namespace IncidentBot.Tests.Ops;

/// <summary>A nested options object for <see cref="SampleOptions"/>. It has no Section: it is not an options class on its own.</summary>
internal sealed class SampleClockOptions
{
    public TimeSpan? AckWithin { get; set; }

    public int Count { get; private set; }
}

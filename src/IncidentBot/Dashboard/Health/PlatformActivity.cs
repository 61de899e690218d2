using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using IncidentBot.Core.Diagnostics;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Dashboard.Health;

/// <summary>
/// What the platforms' counters say about their connections (meter <c>IncidentBot.Platforms</c>, by their
/// <c>platform</c> tag): when each last heard from its platform, when it last called it and how that went, and how
/// often it reconnected. Read through a <see cref="MeterListener"/>, so the adapters need no new API.
/// </summary>
internal sealed class PlatformActivity : IDisposable
{
    private static readonly Dictionary<string, string> Platforms = Enum.GetValues<Platform>()
        .ToDictionary(PlatformMetrics.Label, p => p.ToString(), StringComparer.Ordinal);

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, PlatformState> _states = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public PlatformActivity(TimeProvider time)
    {
        _time = time;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PlatformMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    public PlatformState Of(string platform) => _states.GetOrAdd(platform, _ => new PlatformState());

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (Tag(tags, "platform") is not { } label || !Platforms.TryGetValue(label, out var name))
        {
            return;
        }

        var platform = Of(name);
        var now = _time.GetUtcNow();
        switch (instrument.Name)
        {
            case "incidentbot.inbound.requests":
                platform.LastInboundAt = now;
                break;
            case "incidentbot.platform.api.calls":
                var status = Tag(tags, "status");
                platform.LastCallAt = now;
                platform.LastCallStatus = status;
                if (status is not ("ok" or "200" or "201" or "204"))
                {
                    platform.LastFailureAt = now;
                }

                break;
            case "incidentbot.connection.reconnects":
                Interlocked.Add(ref platform.Reconnects, value);
                break;
        }
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }

    /// <summary>Mutable by the listener only; the page reads a moment's values.</summary>
    internal sealed class PlatformState
    {
        public long Reconnects;

        public DateTimeOffset? LastInboundAt { get; set; }

        public DateTimeOffset? LastCallAt { get; set; }

        public string? LastCallStatus { get; set; }

        public DateTimeOffset? LastFailureAt { get; set; }
    }
}

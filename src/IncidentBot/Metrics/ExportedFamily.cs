using System.Diagnostics.Metrics;
using System.Globalization;
using Prometheus;

namespace IncidentBot.Metrics;

/// <summary>
/// One Prometheus metric family, fed by every exported instrument of that name (the Slack and Discord adapters each
/// own an <c>incidentbot.platform.api.calls</c> counter; both land here, told apart by their <c>platform</c> tag).
/// </summary>
/// <remarks>
/// Prometheus fixes a family's label names when it is created, while System.Diagnostics.Metrics tags are free-form
/// per measurement. The first measurement's tag names (sorted) become the labels; a later measurement without one of
/// them gets an empty value, and a tag that is not a label is dropped with one warning per family.
/// </remarks>
internal sealed partial class ExportedFamily(InstrumentShape shape, MetricFactory factory, ILogger logger)
{
    private readonly Lock _gate = new();
    private volatile Created? _created;
    private bool _warnedExtraTags;

    public InstrumentShape Shape => shape;

    public void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!double.IsFinite(value))
        {
            return;
        }

        var created = _created ?? Create(tags);
        var labelValues = LabelValues(created.TagKeys, tags, instrument);
        switch (shape.Kind)
        {
            case InstrumentKind.Counter:
                // Prometheus counters only go up; a negative increment breaks the Meter API's own contract.
                if (value > 0)
                {
                    Child<ICounter>(created, labelValues).Inc(value);
                }

                break;
            case InstrumentKind.ObservableCounter:
                Child<ICounter>(created, labelValues).IncTo(value);
                break;
            case InstrumentKind.UpDownCounter:
                Child<IGauge>(created, labelValues).Inc(value);
                break;
            case InstrumentKind.Gauge:
                Child<IGauge>(created, labelValues).Set(value);
                break;
            case InstrumentKind.Histogram:
                Child<IHistogram>(created, labelValues).Observe(value);
                break;
            default:
                throw new InvalidOperationException($"Unknown instrument kind {shape.Kind}.");
        }
    }

    private static TChild Child<TChild>(Created created, string[] labelValues)
        where TChild : class => created.TagKeys.Length == 0
        ? (TChild)(object)created.Metric
        : created.Metric switch
        {
            Counter c => (TChild)(object)c.WithLabels(labelValues),
            Gauge g => (TChild)(object)g.WithLabels(labelValues),
            Histogram h => (TChild)(object)h.WithLabels(labelValues),
            _ => throw new InvalidOperationException($"Unexpected collector {created.Metric.GetType().Name}."),
        };

    private Created Create(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var keys = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            keys[i] = tags[i].Key;
        }

        Array.Sort(keys, StringComparer.Ordinal);
        lock (_gate)
        {
            if (_created is { } existing)
            {
                return existing;
            }

            var labelNames = keys.Select(k => InstrumentShape.PrometheusNameOf(k, unit: null, InstrumentKind.Gauge)).ToArray();
            Collector metric = shape.Kind switch
            {
                InstrumentKind.Counter or InstrumentKind.ObservableCounter =>
                    factory.CreateCounter(shape.PrometheusName, shape.Help, labelNames),
                InstrumentKind.UpDownCounter or InstrumentKind.Gauge =>
                    factory.CreateGauge(shape.PrometheusName, shape.Help, labelNames),
                InstrumentKind.Histogram =>
                    factory.CreateHistogram(shape.PrometheusName, shape.Help, labelNames, new HistogramConfiguration { Buckets = shape.Buckets }),
                _ => throw new InvalidOperationException($"Unknown instrument kind {shape.Kind}."),
            };
            var created = new Created(keys, metric);
            _created = created;
            return created;
        }
    }

    private string[] LabelValues(string[] keys, ReadOnlySpan<KeyValuePair<string, object?>> tags, Instrument instrument)
    {
        var values = new string[keys.Length];
        var matched = 0;
        for (var k = 0; k < keys.Length; k++)
        {
            values[k] = string.Empty;
            foreach (var tag in tags)
            {
                if (tag.Key.Equals(keys[k], StringComparison.Ordinal))
                {
                    values[k] = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty;
                    matched++;
                    break;
                }
            }
        }

        if (matched < tags.Length && !_warnedExtraTags)
        {
            _warnedExtraTags = true;
            LogExtraTags(logger, instrument.Meter.Name, instrument.Name, string.Join(", ", keys));
        }

        return values;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Metric {Meter}/{Instrument} was recorded with a tag outside its labels ({Labels}); the tag is dropped from /metrics")]
    private static partial void LogExtraTags(ILogger logger, string meter, string instrument, string labels);

    /// <summary>The collector and the tag keys its labels come from, in label order; published together.</summary>
    private sealed record Created(string[] TagKeys, Collector Metric);
}

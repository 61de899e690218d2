using System.Diagnostics.Metrics;
using System.Text;

namespace IncidentBot.Metrics;

/// <summary>The Prometheus form of an instrument: its kind, name, help text and histogram buckets.</summary>
internal sealed record InstrumentShape(InstrumentKind Kind, string PrometheusName, string Help, double[]? Buckets)
{
    /// <summary>The shape of <paramref name="instrument"/>, or null for an instrument type Prometheus has no form for.</summary>
    public static InstrumentShape? Of(Instrument instrument)
    {
        if (KindOf(instrument) is not { } kind)
        {
            return null;
        }

        var help = string.IsNullOrWhiteSpace(instrument.Description) ? instrument.Name : instrument.Description;
        return new InstrumentShape(kind, PrometheusNameOf(instrument.Name, instrument.Unit, kind), help, BucketsOf(instrument));
    }

    /// <summary>
    /// <c>incidentbot.inbound.requests</c> → <c>incidentbot_inbound_requests_total</c>: Prometheus' naming rules
    /// (https://prometheus.io/docs/practices/naming/): <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>, the base unit as a suffix,
    /// and <c>_total</c> on counters.
    /// </summary>
    internal static string PrometheusNameOf(string instrumentName, string? unit, InstrumentKind kind)
    {
        var name = new StringBuilder(instrumentName.Length + 16);
        foreach (var c in instrumentName)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_');
        }

        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            name.Insert(0, '_');
        }

        var text = name.ToString();
        var unitSuffix = unit switch
        {
            "s" => "_seconds",
            "ms" => "_milliseconds",
            "By" => "_bytes",
            _ => string.Empty,
        };
        if (unitSuffix.Length > 0 && !text.EndsWith(unitSuffix, StringComparison.Ordinal))
        {
            text += unitSuffix;
        }

        if (kind is InstrumentKind.Counter or InstrumentKind.ObservableCounter && !text.EndsWith("_total", StringComparison.Ordinal))
        {
            text += "_total";
        }

        return text;
    }

    private static InstrumentKind? KindOf(Instrument instrument)
    {
        if (!instrument.GetType().IsGenericType)
        {
            return null;
        }

        var definition = instrument.GetType().GetGenericTypeDefinition();
        if (definition == typeof(Counter<>))
        {
            return InstrumentKind.Counter;
        }

        if (definition == typeof(ObservableCounter<>))
        {
            return InstrumentKind.ObservableCounter;
        }

        if (definition == typeof(UpDownCounter<>))
        {
            return InstrumentKind.UpDownCounter;
        }

        if (definition == typeof(Gauge<>) || definition == typeof(ObservableGauge<>) || definition == typeof(ObservableUpDownCounter<>))
        {
            return InstrumentKind.Gauge;
        }

        return definition == typeof(Histogram<>) ? InstrumentKind.Histogram : null;
    }

    /// <summary>The bucket boundaries the instrument's author advised (InstrumentAdvice), else prometheus-net's defaults.</summary>
    private static double[]? BucketsOf(Instrument instrument) => instrument switch
    {
        Instrument<double> d => d.Advice?.HistogramBucketBoundaries?.ToArray(),
        Instrument<float> f => f.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        Instrument<long> l => l.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        Instrument<int> i => i.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        _ => null,
    };
}

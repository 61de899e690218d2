using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Prometheus;

namespace IncidentBot.Metrics;

/// <summary>
/// Publishes this host's <c>IncidentBot.*</c> meters (System.Diagnostics.Metrics, made through
/// <see cref="IMeterFactory"/>) in a prometheus-net registry that <c>GET /metrics</c> serves.
/// </summary>
/// <remarks>
/// prometheus-net ships a MeterAdapter, but it exports counters as gauges, prefixes every series with the meter
/// name (so the Slack and Discord adapters' <c>incidentbot.platform.api.calls</c> would become two families instead
/// of one with a <c>platform</c> label), drops a series that has not changed for five minutes (a counter would then
/// restart at zero) and listens to every meter in the process. This bridge keeps counters as counters, one family
/// per instrument name, and only takes meters whose <see cref="Meter.Scope"/> is this host's
/// <see cref="IMeterFactory"/>, so two hosts in one process (the end-to-end tests) never mix their numbers.
/// </remarks>
internal sealed partial class PrometheusMeterBridge : IDisposable
{
    /// <summary>Meters named <c>IncidentBot</c> or <c>IncidentBot.*</c> are exported; all others are ignored.</summary>
    public const string MeterPrefix = "IncidentBot";

    private readonly IMeterFactory _meterFactory;
    private readonly MetricFactory _metricFactory;
    private readonly ILogger<PrometheusMeterBridge> _logger;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, ExportedFamily> _families = new(StringComparer.Ordinal);
    private volatile bool _disposed;

    public PrometheusMeterBridge(IMeterFactory meterFactory, ILogger<PrometheusMeterBridge> logger)
    {
        _meterFactory = meterFactory;
        _logger = logger;
        Registry = Prometheus.Metrics.NewCustomRegistry();
        _metricFactory = Prometheus.Metrics.WithCustomRegistry(Registry);

        // process_* and dotnet_* series (memory, CPU, GC), so an operator sees the process beside the bot.
        DotNetStats.Register(Registry);

        _listener.InstrumentPublished = OnInstrumentPublished;
        _listener.SetMeasurementEventCallback<byte>(OnMeasurement);
        _listener.SetMeasurementEventCallback<short>(OnMeasurement);
        _listener.SetMeasurementEventCallback<int>(OnMeasurement);
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.SetMeasurementEventCallback<float>(OnMeasurement);
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.SetMeasurementEventCallback<decimal>(OnMeasurement);
        _listener.Start();

        // Observable instruments (the open-incident and outbox gauges) are read at scrape time.
        Registry.AddBeforeCollectCallback(RecordObservableInstruments);
    }

    /// <summary>The registry <c>GET /metrics</c> serializes.</summary>
    public CollectorRegistry Registry { get; }

    public void Dispose()
    {
        _disposed = true;
        _listener.Dispose();
    }

    internal static bool IsExported(Meter meter) =>
        meter.Name.Equals(MeterPrefix, StringComparison.Ordinal)
        || meter.Name.StartsWith(MeterPrefix + ".", StringComparison.Ordinal);

    private void RecordObservableInstruments()
    {
        if (!_disposed)
        {
            _listener.RecordObservableInstruments();
        }
    }

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (!ReferenceEquals(instrument.Meter.Scope, _meterFactory) || !IsExported(instrument.Meter))
        {
            return;
        }

        if (InstrumentShape.Of(instrument) is not { } shape)
        {
            LogNotExported(_logger, instrument.Meter.Name, instrument.Name, $"instruments of type {instrument.GetType().Name} have no Prometheus form");
            return;
        }

        var family = _families.GetOrAdd(shape.PrometheusName, _ => new ExportedFamily(shape, _metricFactory, _logger));
        if (family.Shape.Kind != shape.Kind)
        {
            LogNotExported(_logger, instrument.Meter.Name, instrument.Name,
                $"{shape.PrometheusName} is already exported as a {family.Shape.Kind} by another instrument");
            return;
        }

        listener.EnableMeasurementEvents(instrument, family);
    }

    private static void OnMeasurement<T>(Instrument instrument, T measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        where T : struct
    {
        if (state is ExportedFamily family)
        {
            family.Record(instrument, ToDouble(measurement), tags);
        }
    }

    private static double ToDouble<T>(T measurement)
        where T : struct => measurement switch
        {
            byte b => b,
            short s => s,
            int i => i,
            long l => l,
            float f => f,
            double d => d,
            decimal m => (double)m,
            _ => double.NaN,
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metric {Meter}/{Instrument} is not exported to /metrics: {Reason}")]
    private static partial void LogNotExported(ILogger logger, string meter, string instrument, string reason);
}

namespace IncidentBot.Metrics;

/// <summary>How a System.Diagnostics.Metrics instrument's measurements map onto a Prometheus metric.</summary>
internal enum InstrumentKind
{
    /// <summary><c>Counter&lt;T&gt;</c>: each measurement is an increment of a Prometheus counter.</summary>
    Counter,

    /// <summary><c>ObservableCounter&lt;T&gt;</c>: each measurement is the running total of a Prometheus counter.</summary>
    ObservableCounter,

    /// <summary><c>UpDownCounter&lt;T&gt;</c>: each measurement moves a Prometheus gauge up or down.</summary>
    UpDownCounter,

    /// <summary><c>Gauge&lt;T&gt;</c>, <c>ObservableGauge&lt;T&gt;</c>, <c>ObservableUpDownCounter&lt;T&gt;</c>: each measurement is the gauge's value.</summary>
    Gauge,

    /// <summary><c>Histogram&lt;T&gt;</c>: each measurement is one observation.</summary>
    Histogram,
}

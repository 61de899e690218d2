using System.Globalization;

namespace IncidentBot.Tests.Ops;

/// <summary>Reads samples out of a Prometheus text exposition: <c>name{label="value",…} 12</c> per line.</summary>
internal sealed class PrometheusText
{
    private readonly Dictionary<string, double> _samples = new(StringComparer.Ordinal);

    public PrometheusText(string text)
    {
        Text = text;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            _samples[line[..space]] = double.Parse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
        }
    }

    public string Text { get; }

    /// <summary>The value of one series, written as it appears in the exposition (labels sorted by name).</summary>
    public double? Sample(string series) => _samples.TryGetValue(series, out var value) ? value : null;

    public bool HasFamily(string name) => _samples.Keys.Any(k => k == name || k.StartsWith(name + "{", StringComparison.Ordinal));

    public IEnumerable<string> Series => _samples.Keys;
}

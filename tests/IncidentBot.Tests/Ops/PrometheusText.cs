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
            _samples[Normalized(line[..space])] = double.Parse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
        }
    }

    public string Text { get; }

    /// <summary>The value of one series, <c>name{label="value",…}</c> with its labels in any order.</summary>
    public double? Sample(string series) => _samples.TryGetValue(Normalized(series), out var value) ? value : null;

    public bool HasFamily(string name) => _samples.Keys.Any(k => k == name || k.StartsWith(name + "{", StringComparison.Ordinal));

    public IEnumerable<string> Series => _samples.Keys;

    /// <summary>The series with its labels sorted by name (the exposition promises no order); <c>name{}</c> is <c>name</c>.</summary>
    private static string Normalized(string series)
    {
        var open = series.IndexOf('{', StringComparison.Ordinal);
        if (open < 0 || !series.EndsWith('}'))
        {
            return series;
        }

        // Label values here never hold '",' (the bot's labels are ids, codes and route templates).
        var labels = series[(open + 1)..^1].Split("\",", StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.EndsWith('"') ? l : l + "\"")
            .Order(StringComparer.Ordinal);
        var joined = string.Join(",", labels);
        return joined.Length == 0 ? series[..open] : series[..open] + "{" + joined + "}";
    }
}

namespace IncidentBot.Dashboard.Charts;

/// <summary>
/// One line or bar stack of a chart: a name for the legend and the table, a CSS class for its colour, and one value
/// per x label (null: no data that week). Public only because Razor components, which take it, always are.
/// </summary>
public sealed record ChartSeries(string Name, string CssClass, IReadOnlyList<double?> Values);

using System.Globalization;

namespace IncidentBot.Dashboard.Charts;

/// <summary>The arithmetic of the SVG charts: a round axis maximum, and where a value lands in the plot.</summary>
internal static class ChartScale
{
    public const double Width = 640;
    public const double Height = 240;
    public const double Left = 52;
    public const double Right = 12;
    public const double Top = 12;
    public const double Bottom = 36;

    public const int Ticks = 4;

    public static double PlotWidth => Width - Left - Right;

    public static double PlotHeight => Height - Top - Bottom;

    /// <summary>The smallest 1, 2 or 5 × 10ⁿ at or above <paramref name="max"/>, so the ticks read as round numbers.</summary>
    public static double NiceMax(double max)
    {
        if (max <= 0 || double.IsNaN(max))
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1d, 2d, 5d, 10d })
        {
            if (step * magnitude >= max)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    public static double Y(double value, double max) => Top + PlotHeight - (value / max * PlotHeight);

    /// <summary>The centre of the slot of x label <paramref name="index"/> of <paramref name="count"/>.</summary>
    public static double X(int index, int count) => Left + ((index + 0.5) * PlotWidth / count);

    /// <summary>Every how many labels one is printed, so labels never overlap (about 8 fit).</summary>
    public static int LabelEvery(int count) => Math.Max(1, (int)Math.Ceiling(count / 8d));

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

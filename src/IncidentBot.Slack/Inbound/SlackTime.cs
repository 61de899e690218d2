using System.Globalization;

namespace IncidentBot.Slack.Inbound;

/// <summary>Slack <c>ts</c> values are Unix seconds with a microsecond fraction (<c>1355517523.000005</c>).</summary>
internal static class SlackTime
{
    public static DateTimeOffset? Parse(string? ts)
    {
        if (string.IsNullOrEmpty(ts)
            || !decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            || seconds <= 0 || seconds > 253402300799m)
        {
            return null;
        }

        var whole = (long)decimal.Truncate(seconds);
        var micros = (long)((seconds - whole) * 1_000_000m);
        return DateTimeOffset.FromUnixTimeSeconds(whole).AddTicks(micros * 10);
    }

    /// <summary>An instant as a <c>ts</c>, e.g. for the <c>oldest</c> bound of a history read.</summary>
    public static string Format(DateTimeOffset at)
    {
        var micros = (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        return string.Create(CultureInfo.InvariantCulture, $"{micros / 1_000_000}.{micros % 1_000_000:D6}");
    }
}

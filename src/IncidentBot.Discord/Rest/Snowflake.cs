namespace IncidentBot.Discord.Rest;

/// <summary>Snowflakes are 64-bit ids sent as strings; order them numerically, not as text.</summary>
internal static class Snowflake
{
    public static int Compare(string? a, string? b)
    {
        var left = ulong.TryParse(a, out var x) ? x : 0;
        var right = ulong.TryParse(b, out var y) ? y : 0;
        return left.CompareTo(right);
    }
}

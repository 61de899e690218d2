namespace IncidentBot.Bench;

/// <summary>What the figures were measured on: a shared machine's load changes them more than any code does.</summary>
internal static class Machine
{
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}

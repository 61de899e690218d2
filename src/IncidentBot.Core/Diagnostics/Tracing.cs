using System.Diagnostics;

namespace IncidentBot.Core.Diagnostics;

/// <summary>
/// The spans IncidentBot adds to a trace: an input's handling, its decision inside the group commit, the commit, and
/// the delivery of each message it queued. The host exports them (OpenTelemetry) when tracing is configured; with no
/// listener <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null and costs nothing.
/// </summary>
/// <remarks>
/// Static on purpose: .NET has no factory for activity sources (unlike meters), and
/// listeners select them by name, so one instance per process is what the platform expects.
/// </remarks>
public static class Tracing
{
    public const string SourceName = "IncidentBot";

    public static ActivitySource Source { get; } = new(SourceName);
}

using Microsoft.Extensions.Logging;

namespace IncidentBot.Discord.Diagnostics;

/// <summary>Log events of the gateway session lease (one replica holds the session, DESIGN.md §8).</summary>
internal static partial class GatewayLeaseLog
{
    [LoggerMessage(40, LogLevel.Information, "Discord gateway session {Lease} is held by another replica; this one stands by to take over.")]
    public static partial void StandingBy(ILogger logger, string lease);

    [LoggerMessage(41, LogLevel.Information, "Discord gateway session {Lease} taken ({Mode}).")]
    public static partial void Acquired(ILogger logger, string lease, string mode);

    [LoggerMessage(42, LogLevel.Warning, "Discord gateway session {Lease} lost to another replica or an unreachable database; disconnecting.")]
    public static partial void Lost(ILogger logger, string lease);

    [LoggerMessage(43, LogLevel.Warning, "Discord gateway session lease {Lease} could not be read or renewed: {Reason}")]
    public static partial void StorageFailed(ILogger logger, string lease, string reason);
}

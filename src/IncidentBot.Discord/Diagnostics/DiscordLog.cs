using Microsoft.Extensions.Logging;

namespace IncidentBot.Discord.Diagnostics;

/// <summary>The adapter's log events. Tokens never appear in them.</summary>
internal static partial class DiscordLog
{
    [LoggerMessage(2, LogLevel.Information, "Discord gateway connecting to {Url} ({Mode}).")]
    private static partial void GatewayConnecting(ILogger logger, string url, string mode);

    public static void GatewayConnecting(ILogger logger, string url, bool resuming) =>
        GatewayConnecting(logger, url, resuming ? "resume" : "identify");

    [LoggerMessage(3, LogLevel.Information, "Discord gateway ready: session {SessionId}, bot user {BotUserId}.")]
    public static partial void GatewayReady(ILogger logger, string sessionId, string botUserId);

    [LoggerMessage(4, LogLevel.Information, "Discord gateway resumed session {SessionId} after sequence {Sequence}.")]
    public static partial void GatewayResumed(ILogger logger, string sessionId, long sequence);

    [LoggerMessage(5, LogLevel.Warning, "Discord gateway connection ended ({Reason}); next: {Next}.")]
    public static partial void GatewayReconnecting(ILogger logger, string next, string reason);

    [LoggerMessage(6, LogLevel.Information, "Discord gateway reconnecting in {Seconds:0.#} s.")]
    public static partial void GatewayWaiting(ILogger logger, double seconds);

    [LoggerMessage(7, LogLevel.Critical, "Discord gateway stopped: {Fix}")]
    public static partial void GatewayStopped(ILogger logger, string fix);

    [LoggerMessage(8, LogLevel.Warning, "Discord gateway: heartbeat not acknowledged; closing the connection to resume.")]
    public static partial void HeartbeatMissed(ILogger logger);

    [LoggerMessage(9, LogLevel.Error, "Discord gateway event {Kind} failed; going on with the next.")]
    public static partial void EventFailed(ILogger logger, string kind, Exception exception);

    [LoggerMessage(10, LogLevel.Warning, "Discord interaction {InteractionId} was not answered: {Problem}")]
    public static partial void InteractionNotAnswered(ILogger logger, string interactionId, string problem);

    [LoggerMessage(11, LogLevel.Warning, "Discord follow-up to interaction {InteractionId} failed: {Problem}")]
    public static partial void FollowUpFailed(ILogger logger, string interactionId, string problem);

    [LoggerMessage(12, LogLevel.Warning, "Reading back the thread of {IncidentId} failed: {Problem}")]
    public static partial void BackfillFailed(ILogger logger, string incidentId, string problem);

    [LoggerMessage(13, LogLevel.Warning, "Discord rate limit on {Route}: waiting {Seconds:0.##} s (global: {Global}, scope: {Scope}).")]
    public static partial void RateLimited(ILogger logger, string route, double seconds, bool global, string scope);

    [LoggerMessage(14, LogLevel.Error, "Discord rejected the bot token on {Route} (401): pausing every call for {Minutes} min; check Discord__BotToken.")]
    public static partial void Unauthorized(ILogger logger, string route, double minutes);

    [LoggerMessage(15, LogLevel.Error, "{Count} refused Discord calls in 10 minutes: pausing calls to stay clear of Discord's invalid-request ban.")]
    public static partial void InvalidRequestBudgetSpent(ILogger logger, int count);

    [LoggerMessage(16, LogLevel.Information, "Discord commands registered {Scope}.")]
    public static partial void CommandsRegistered(ILogger logger, string scope);

    [LoggerMessage(17, LogLevel.Warning, "Discord command registration failed ({Problem}); retrying in {Seconds:0} s.")]
    public static partial void CommandsRetry(ILogger logger, string problem, double seconds);

    [LoggerMessage(18, LogLevel.Error, "Discord command registration {Scope} failed: {Problem}. /incident may be missing or stale.")]
    public static partial void CommandsFailed(ILogger logger, string scope, string problem);
}

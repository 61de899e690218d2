using IncidentBot.Slack.Signing;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Slack.Diagnostics;

/// <summary>The adapter's log events. They carry incident ids and Slack method names, never tokens or secrets.</summary>
internal static partial class SlackLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Rejected a Slack request to {Path}: signature {Check}")]
    public static partial void SignatureRejected(this ILogger logger, string path, SignatureCheck check);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Slack {Method} failed: {Error}")]
    public static partial void ApiError(this ILogger logger, string method, string error);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Slack {Method} rate limited; retry after {RetryAfter}")]
    public static partial void RateLimited(this ILogger logger, string method, TimeSpan retryAfter);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Slack bot identity: user {UserId}, bot {BotId}, team {TeamId}")]
    public static partial void Identified(this ILogger logger, string? userId, string? botId, string? teamId);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Slack auth.test failed ({Error}); check Slack:BotToken. Retrying in {Delay}")]
    public static partial void AuthTestFailed(this ILogger logger, string error, TimeSpan delay);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Socket Mode connected ({Connections} connection(s))")]
    public static partial void SocketConnected(this ILogger logger, int connections);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Socket Mode disconnect requested: {Reason}")]
    public static partial void SocketDisconnect(this ILogger logger, string reason);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Socket Mode connection lost; reconnecting in {Delay}")]
    public static partial void SocketLost(this ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Error, Message = "Socket Mode was turned off for this app (link_disabled); not reconnecting. Turn it on again or unset Slack:AppToken.")]
    public static partial void SocketLinkDisabled(this ILogger logger);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Warning, Message = "Socket Mode envelope {EnvelopeId} of type {Type} failed")]
    public static partial void EnvelopeFailed(this ILogger logger, Exception exception, string? envelopeId, string? type);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Warning, Message = "Slack background work {Work} failed")]
    public static partial void BackgroundFailed(this ILogger logger, Exception exception, string work);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Warning, Message = "Slack background queue is full; dropped {Work}")]
    public static partial void BackgroundDropped(this ILogger logger, string work);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Warning, Message = "Slack:IncidentsChannel {Channel} {Problem}")]
    public static partial void IncidentsChannelProblem(this ILogger logger, string channel, string problem);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Warning, Message = "Slack is rate limiting event delivery (app_rate_limited, minute {Minute})")]
    public static partial void EventsRateLimited(this ILogger logger, long minute);

    [LoggerMessage(EventId = 3041, Level = LogLevel.Warning, Message = "Could not look for an earlier attempt of {Delivery} in {Channel} ({Error}); posting it again, which may repeat it")]
    public static partial void LookupFailed(this ILogger logger, string delivery, string channel, string error);
}

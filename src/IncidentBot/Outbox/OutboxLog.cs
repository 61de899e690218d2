using IncidentBot.Core.Incidents;

namespace IncidentBot.Outbox;

/// <summary>The dispatcher's log lines; incident ids, never message text or tokens.</summary>
internal static partial class OutboxLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivered outbox message {MessageId} ({Intent}, attempt {Attempt}) for {IncidentId}")]
    public static partial void Delivered(ILogger logger, long messageId, Type intent, int attempt, IncidentId incidentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} for {IncidentId} will be retried in {Wait} (attempt {Attempt}): {Reason}")]
    public static partial void Retry(ILogger logger, long messageId, IncidentId incidentId, TimeSpan wait, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} ({Intent}) for {IncidentId} was refused by the platform and will not be retried: {Reason}")]
    public static partial void Rejected(ILogger logger, long messageId, Type intent, IncidentId incidentId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox reply {MessageId} for {IncidentId} was dropped: queued {Age} ago, its reply handle has expired ({Reason})")]
    public static partial void Expired(ILogger logger, long messageId, IncidentId incidentId, TimeSpan age, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} for {IncidentId} failed unexpectedly; it stays queued")]
    public static partial void Unexpected(ILogger logger, Exception exception, long messageId, IncidentId incidentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Messages for {Platform} incidents (first: {IncidentId}) stay queued: {Platform} is not configured")]
    public static partial void PlatformMissing(ILogger logger, Platform platform, IncidentId incidentId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery is parked: the database cannot record outcomes ({Reason}). Nothing is sent until it can; free disk space, the bot resumes by itself")]
    public static partial void Parked(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery resumed: the database records outcomes again")]
    public static partial void Resumed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox loop failed; it will try again")]
    public static partial void LoopFailed(ILogger logger, Exception exception);
}

using Microsoft.Extensions.Logging;

namespace IncidentBot.Slack.SocketMode;

internal static partial class SocketModeLog
{
    [LoggerMessage(EventId = 3015, Level = LogLevel.Information, Message = "Socket Mode hand-over: the warned connection {Outcome}")]
    public static partial void HandOverEnded(this ILogger logger, string outcome);
}

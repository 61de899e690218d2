using IncidentBot.Core.Incidents;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Alerts.Http;

internal static partial class AlertsLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "{Endpoint} refused a request with {Status}: {Problem}")]
    public static partial void Refused(this ILogger logger, string endpoint, int status, string problem);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "{Endpoint}: {Result} ({IncidentId})")]
    public static partial void Handled(this ILogger logger, string endpoint, string result, string? incidentId);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "{Endpoint} could not record a notification; the sender will retry")]
    public static partial void Failed(this ILogger logger, Exception exception, string endpoint);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "PagerDuty refused {Action} of {PagerDutyId} for {IncidentId}: {Status} {Error}")]
    public static partial void PagerDutyRefused(this ILogger logger, string action, string pagerDutyId, string incidentId, int status, string error);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "PagerDuty already has the note for {IncidentId} on {PagerDutyId} (an earlier attempt made it); not posting it again")]
    public static partial void PagerDutyNoteFound(this ILogger logger, string pagerDutyId, IncidentId incidentId);
}

namespace IncidentBot.Slack.Api;

/// <summary>Slack answered <c>ok:false</c>: the method and Slack's error code (e.g. <c>channel_not_found</c>).</summary>
public sealed class SlackApiException : Exception
{
    public SlackApiException()
    {
    }

    public SlackApiException(string message)
        : base(message)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SlackApiException(string method, string error, string? detail)
        : base($"Slack {method} failed: {error}{(detail is null ? string.Empty : " (" + detail + ")")}")
    {
        Method = method;
        Error = error;
    }

    public string Method { get; } = string.Empty;

    public string Error { get; } = string.Empty;

    /// <summary>
    /// Errors that say "later": Slack's own transient codes from the common error table
    /// (<see href="https://docs.slack.dev/apis/web-api"/>); every other code means the call will never work as is.
    /// </summary>
    public bool IsTransient => Error is "ratelimited" or "rate_limited" or "internal_error" or "fatal_error"
        or "service_unavailable" or "request_timeout" or "team_added_to_org";
}

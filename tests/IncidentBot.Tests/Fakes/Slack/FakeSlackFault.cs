namespace IncidentBot.Tests.Fakes.Slack;

/// <summary>
/// A planned misbehaviour for the next call of a method: an HTTP status (429 with <see cref="RetryAfterSeconds"/>,
/// 5xx) or an <c>ok:false</c> error code.
/// </summary>
public sealed record FakeSlackFault(int Status = 200, int? RetryAfterSeconds = null, string? Error = null)
{
    public static FakeSlackFault RateLimited(int retryAfterSeconds) => new(429, retryAfterSeconds);

    public static FakeSlackFault ServerError(int status = 503) => new(status);

    public static FakeSlackFault NotOk(string error) => new(Error: error);
}

namespace IncidentBot.Testing.Fakes.Slack;

/// <summary>
/// A planned misbehaviour for the next call of a method: an HTTP status (429 with <see cref="RetryAfterSeconds"/>,
/// 5xx) or an <c>ok:false</c> error code. With <see cref="AfterEffect"/> the call takes effect and only its answer
/// is the failure, as when Slack posted but the answer was a 5xx or never came back; with <see cref="Drop"/> the
/// connection is cut after the effect, with no answer at all.
/// </summary>
public sealed record FakeSlackFault(int Status = 200, int? RetryAfterSeconds = null, string? Error = null, bool AfterEffect = false, bool Drop = false)
{
    public static FakeSlackFault LostAnswer(int status = 503) => new(status, AfterEffect: true);

    public static FakeSlackFault DroppedAnswer() => new(AfterEffect: true, Drop: true);

    public static FakeSlackFault RateLimited(int retryAfterSeconds) => new(429, retryAfterSeconds);

    public static FakeSlackFault ServerError(int status = 503) => new(status);

    public static FakeSlackFault NotOk(string error) => new(Error: error);
}

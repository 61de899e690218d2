using Microsoft.AspNetCore.Http;

namespace IncidentBot.Testing.Fakes.Slack;

/// <summary>
/// Calls the fake keeps in hand: a held method acts (the message is posted) and then withholds its answer until the
/// test releases it or the caller goes away, which is how a test kills the bot exactly while a post is in flight.
/// Dead reply URLs accept the connection and never answer, as an unreachable host does until the caller times out.
/// </summary>
public sealed partial class FakeSlack
{
    private readonly Dictionary<string, TaskCompletionSource> _holds = [];
    private readonly Dictionary<string, int> _held = [];
    private volatile bool _responseUrlsDown;
    private int _responseUrlAttempts;

    /// <summary>While true, every <c>response_url</c> call is left unanswered (and has no effect) until the caller gives up.</summary>
    public bool ResponseUrlsDown
    {
        get => _responseUrlsDown;
        set => _responseUrlsDown = value;
    }

    /// <summary>Calls made to a <c>response_url</c> while it was down.</summary>
    public int ResponseUrlAttempts => Volatile.Read(ref _responseUrlAttempts);

    /// <summary>From now on, calls of <paramref name="method"/> take effect and then wait for <see cref="ReleaseAnswers"/>.</summary>
    public void HoldAnswers(string method)
    {
        lock (_lock)
        {
            _holds[method] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Answers the held calls of <paramref name="method"/> and stops holding new ones.</summary>
    public void ReleaseAnswers(string method)
    {
        lock (_lock)
        {
            if (_holds.Remove(method, out var hold))
            {
                hold.SetResult();
            }
        }
    }

    /// <summary>How many calls of <paramref name="method"/> acted and were then held.</summary>
    public int HeldCount(string method)
    {
        lock (_lock)
        {
            return _held.GetValueOrDefault(method);
        }
    }

    /// <summary>False when the caller went away while its answer was held: nothing is to be written.</summary>
    private async Task<bool> HoldAnswerAsync(string method, CancellationToken aborted)
    {
        Task release;
        lock (_lock)
        {
            if (!_holds.TryGetValue(method, out var hold))
            {
                return true;
            }

            _held[method] = _held.GetValueOrDefault(method) + 1;
            release = hold.Task;
        }

        try
        {
            await release.WaitAsync(aborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> ResponseUrlAvailableAsync(HttpContext http)
    {
        if (!_responseUrlsDown)
        {
            return true;
        }

        Interlocked.Increment(ref _responseUrlAttempts);
        try
        {
            // Up to a minute, or until the caller times out: what a black-holed host does to a client.
            await Task.Delay(TimeSpan.FromMinutes(1), TimeProvider.System, http.RequestAborted);
            http.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
        }
        catch (OperationCanceledException)
        {
            // The bot gave up on the call.
        }

        return false;
    }
}

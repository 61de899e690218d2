using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IncidentBot.Tests.Infrastructure;

/// <summary>
/// The built executable running as a server (see <see cref="BotProcess"/>) on a loopback port, for fault tests that
/// must kill a real process: <see cref="Kill"/> is SIGKILL, no shutdown code runs. Its output is kept (the last
/// lines) so a failing test can show what the bot said.
/// </summary>
internal sealed class RunningBot : IAsyncDisposable
{
    private const int KeptLines = 400;

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly Lock _lock = new();
    private bool _disposed;

    private RunningBot(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        Client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(15) };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseUrl { get; }

    public HttpClient Client { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The process id, which the bot puts in the owner of its leases.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The last lines the process wrote to stdout and stderr.</summary>
    public string Output
    {
        get
        {
            lock (_lock)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Starts the bot and returns once <c>/healthz</c> answers; fails with its output if it does not.</summary>
    public static async Task<RunningBot> StartAsync(IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var process = Process.Start(BotProcess.StartInfo(workingDirectory, baseUrl.ToString().TrimEnd('/'), environment))!;
        var bot = new RunningBot(process, baseUrl);
        try
        {
            await Eventually.AssertAsync(
                async () => !bot.HasExited && await bot.AnswersAsync(),
                "the bot to answer /healthz",
                TimeSpan.FromSeconds(60));
        }
        catch
        {
            var output = bot.Output;
            await bot.DisposeAsync();
            Assert.Fail("The bot did not start:\n" + output);
        }

        return bot;
    }

    /// <summary>kill -9: the process ends at once, mid-call if it was in one.</summary>
    public void Kill()
    {
        if (_disposed)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(TimeSpan.FromSeconds(30));
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        if (!_disposed)
        {
            _disposed = true;
            Client.Dispose();
            _process.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var response = await Client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _output.Enqueue(line);
            while (_output.Count > KeptLines)
            {
                _output.Dequeue();
            }
        }
    }
}

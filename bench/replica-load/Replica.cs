using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

/// <summary>
/// One replica: the built bot as a child process on a loopback port of its own, in Slack HTTP mode against the
/// Slack stand-in, on the shared PostgreSQL database; and the HTTP client the load reaches it through.
/// </summary>
internal sealed class Replica : IDisposable
{
    private readonly Process _process;
    private readonly SocketsHttpHandler _handler;

    private Replica(Process process, int port, int connections)
    {
        _process = process;
        _handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections };
        Client = new HttpClient(_handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    public static async Task<Replica> StartAsync(int index, Options options, string connectionString, string secret, string apiToken, Uri slackApi)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [options.BotDll]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Slack__BotToken"] = "xoxb-load-test";
        start.Environment["Slack__SigningSecret"] = secret;
        start.Environment["Slack__ApiBaseUrl"] = slackApi.ToString();
        start.Environment["Slack__IncidentsChannel"] = "C0LOAD";
        start.Environment["Api__Token"] = apiToken;
        start.Environment["Storage__ConnectionString"] = connectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {options.BotDll}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"replica {index}: {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var replica = new Replica(process, port, options.Connections);
        try
        {
            await Readiness.WaitAsync(replica.Client, process, TimeSpan.FromSeconds(90));
            return replica;
        }
        catch
        {
            replica.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        _process.Dispose();
        Client.Dispose();
        _handler.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

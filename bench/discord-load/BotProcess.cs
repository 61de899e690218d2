using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using IncidentBot.Testing.Fakes.Discord;

/// <summary>The Release bot as a child process, configured for Discord against a <see cref="FakeDiscord"/>, on its own SQLite file.</summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;

    private BotProcess(Process process, DirectoryInfo directory, Uri url, TimeSpan ready)
    {
        _process = process;
        Url = url;
        Ready = ready;
        DatabasePath = Path.Combine(directory.FullName, "bot.db");
    }

    public Uri Url { get; }

    /// <summary>From process start to the first 200 from <c>/readyz</c>.</summary>
    public TimeSpan Ready { get; }

    public string DatabasePath { get; }

    public int Id => _process.Id;

    /// <summary>Starts the bot on <c>bot.db</c> in <paramref name="directory"/>, kept when it stops (a second start finds the first one's data).</summary>
    public static async Task<BotProcess> StartAsync(string botDll, FakeDiscord discord, DirectoryInfo directory)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet") { ArgumentList = { botDll }, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/');
        start.Environment["Storage__ConnectionString"] = $"Data Source={Path.Combine(directory.FullName, "bot.db")}";
        start.Environment["Discord__BotToken"] = FakeDiscord.BotToken;
        start.Environment["Discord__ApplicationId"] = discord.ApplicationId;
        start.Environment["Discord__ApiBaseUrl"] = discord.ApiBaseUrl.ToString();
        start.Environment["Discord__IncidentsChannel"] = discord.IncidentsChannelId;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => Console.Error.WriteLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = url };
        await Readiness.WaitAsync(http, process, TimeSpan.FromSeconds(60));
        return new BotProcess(process, directory, url, clock.Elapsed);
    }

    /// <summary>Resident memory now, in MiB (Linux: VmRSS of /proc/PID/status).</summary>
    public double ResidentMiB()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;

// Throughput of the Slack hot path, measured the way issue 11's table is: for --seconds, --connections callers each
// send distinct, validly signed slash commands (each its own trigger_id, as Slack sends them) as fast as answers
// come back; then requests/s, p50/p99 of the time to the answer, the non-2xx count, and how many of the 200s are on
// the incident's timeline (every `note` answered 200 must be: a 200 means stored).
// By default it starts the built bot (artifacts/bin/IncidentBot/release/IncidentBot.dll) as a child process with
// its own SQLite file, and answers the bot's Web API calls with a minimal local Slack stand-in, so the outbox runs
// as it would with Slack up. Everything stays on 127.0.0.1.
var options = Arguments.Parse(args);
await using var slack = await MinimalSlack.StartAsync();
var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
var apiToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
var database = Path.Combine(Path.GetTempPath(), $"slack-load-{Guid.NewGuid():N}.db");
var port = FreePort();
using var bot = StartBot(options.BotDll, port, secret, apiToken, database, slack.ApiBaseUrl);
try
{
    using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections };
    using var http = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    await Readiness.WaitAsync(http, bot, TimeSpan.FromSeconds(60));
    if (!(await SignedCommand.SendAsync(http, secret, "declare-0", "declare sev2 Load drill")).Ok)
    {
        throw new InvalidOperationException("the bot refused to declare the load incident");
    }

    // Warm-up (JIT, connection pool, SQLite caches): a second of the same load, not measured.
    var marker = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    await LoadAsync(http, secret, options with { Seconds = 1 }, "warmup-" + marker);
    var run = await LoadAsync(http, secret, options, marker);
    run.Latencies.Sort();
    var stored = await CountStoredAsync(http, apiToken, marker);
    var p99 = Percentile(run.Latencies, 0.99);
    var accepted = run.Latencies.Count - run.Failures;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"`{options.Text}`: {run.Latencies.Count} requests in {run.Elapsed.TotalSeconds:0.0} s over {options.Connections} connections: " +
        $"{run.Latencies.Count / run.Elapsed.TotalSeconds:0} requests/s, p50 {Percentile(run.Latencies, 0.50):0.0} ms, p99 {p99:0.0} ms, " +
        $"max {run.Latencies[^1]:0.0} ms; non-2xx {run.Failures}; on the timeline {stored} of {accepted} answered 200; " +
        $"Web API calls answered {slack.Calls}; load average {LoadAverage()}"));
    var storing = options.Text.StartsWith("note ", StringComparison.Ordinal);
    var passed = p99 < options.P99BudgetMs && run.Failures == 0 && (!storing || stored == accepted);
    Console.WriteLine(passed
        ? $"PASS: p99 under {options.P99BudgetMs} ms, no non-2xx{(storing ? ", every 200 stored" : string.Empty)}"
        : $"FAIL (budget p99 < {options.P99BudgetMs} ms, 0 non-2xx{(storing ? ", every 200 stored" : string.Empty)})");
    return passed ? 0 : 1;
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"The bot stopped answering ({e.Message}){(bot.HasExited ? $"; it exited with code {bot.ExitCode}" : string.Empty)}.");
    return 3;
}
finally
{
    if (!bot.HasExited)
    {
        bot.Kill(entireProcessTree: true);
    }

    await bot.WaitForExitAsync();
    foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
    {
        // The bot may still be removing its WAL files as it exits; a file already gone is fine.
        File.Delete(database + suffix);
    }
}

static Process StartBot(string dll, int port, string secret, string apiToken, string database, Uri slackApi)
{
    var start = new ProcessStartInfo("dotnet", [dll]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    start.Environment["Urls"] = $"http://127.0.0.1:{port}";
    start.Environment["Slack__BotToken"] = "xoxb-load-test";
    start.Environment["Slack__SigningSecret"] = secret;
    start.Environment["Slack__ApiBaseUrl"] = slackApi.ToString();
    start.Environment["Slack__IncidentsChannel"] = "C0LOAD";
    start.Environment["Api__Token"] = apiToken;
    start.Environment["Storage__ConnectionString"] = $"Data Source={database}";
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, e) =>
    {
        if (e.Data is not null)
        {
            Console.Error.WriteLine("bot: " + e.Data);
        }
    };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static async Task<LoadRun> LoadAsync(HttpClient http, string secret, Arguments options, string marker)
{
    var (latencies, failures, elapsed) = await SignedCommand.LoadAsync(
        _ => http, secret, options.Text, marker, options.Connections, TimeSpan.FromSeconds(options.Seconds));
    return new LoadRun(latencies, failures, elapsed);
}

// How many timeline entries of the load incident carry this run's marker.
static async Task<int> CountStoredAsync(HttpClient http, string token, string marker)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, "/api/incidents/INC-1");
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await http.SendAsync(request);
    response.EnsureSuccessStatusCode();
    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    return json.RootElement.GetProperty("timeline").EnumerateArray()
        .Count(e => e.GetProperty("text").GetString() is { } text && text.Contains(" " + marker + "-", StringComparison.Ordinal));
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static double Percentile(List<double> sorted, double p) =>
    sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

/// <summary>What one measured run gave: every request's time to its answer, the non-2xx count, the wall time.</summary>
internal sealed record LoadRun(List<double> Latencies, int Failures, TimeSpan Elapsed);

/// <summary>Command-line options: --bot (path to IncidentBot.dll), --seconds, --connections, --text, --p99-ms.</summary>
internal sealed record Arguments(string BotDll, int Seconds, int Connections, string Text, double P99BudgetMs)
{
    public static Arguments Parse(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new Arguments(
            Get("--bot") ?? Path.Combine(RepositoryRoot(), "artifacts", "bin", "IncidentBot", "release", "IncidentBot.dll"),
            int.Parse(Get("--seconds") ?? "10", CultureInfo.InvariantCulture),
            int.Parse(Get("--connections") ?? "32", CultureInfo.InvariantCulture),
            Get("--text") ?? "note INC-1 load note",
            double.Parse(Get("--p99-ms") ?? "50", CultureInfo.InvariantCulture));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IncidentBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}

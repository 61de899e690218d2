using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

// The load run for issue 3's goal: rounds of 32 concurrent, signed `/incident declare` commands; the time to
// acknowledge (response received) of each; then a check through the operator API that every one was recorded.
// By default it starts the built bot (artifacts/bin/IncidentBot/release/IncidentBot.dll) as a child process
// with its own SQLite file, and answers the bot's Web API calls with a minimal local Slack stand-in, so the
// outbox runs as it would with Slack up. Everything stays on 127.0.0.1.
var options = Arguments.Parse(args);
await using var slack = await MinimalSlack.StartAsync();
var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
var apiToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
var database = Path.Combine(Path.GetTempPath(), $"slack-load-{Guid.NewGuid():N}.db");
var port = FreePort();
using var bot = StartBot(options.BotDll, port, secret, apiToken, database, slack.ApiBaseUrl);
try
{
    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    await WaitForHealthAsync(http, bot);

    // Warm-up: JIT, connection pool and SQLite caches; not measured but counted as recorded.
    for (var i = 0; i < options.Concurrency; i++)
    {
        await SendAsync(http, secret, $"warmup-{i}", $"declare sev3 warm-up {i}");
    }

    var timings = new List<double>();
    var failures = 0;
    for (var round = 0; round < options.Rounds; round++)
    {
        using var start = new Barrier(options.Concurrency);
        var r = round;
        var tasks = Enumerable.Range(0, options.Concurrency).Select(i => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await SendAsync(http, secret, $"load-{r}-{i}", $"declare sev3 load {r}-{i}");
        }));
        foreach (var (ok, ms) in await Task.WhenAll(tasks))
        {
            timings.Add(ms);
            failures += ok ? 0 : 1;
        }
    }

    timings.Sort();
    var sent = (options.Rounds + 1) * options.Concurrency;
    var recorded = await CountIncidentsAsync(http, apiToken);
    var p99 = Percentile(timings, 0.99);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{timings.Count} commands in {options.Rounds} rounds of {options.Concurrency} concurrent: " +
        $"p50 {Percentile(timings, 0.50):0.0} ms, p95 {Percentile(timings, 0.95):0.0} ms, p99 {p99:0.0} ms, max {timings[^1]:0.0} ms; " +
        $"non-200 {failures}; recorded {recorded} of {sent} (warm-up included); Web API calls answered {slack.Calls}"));
    var passed = p99 < options.P99BudgetMs && failures == 0 && recorded == sent;
    Console.WriteLine(passed ? $"PASS: p99 under {options.P99BudgetMs} ms and every command recorded" : $"FAIL (budget p99 < {options.P99BudgetMs} ms)");
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

static async Task WaitForHealthAsync(HttpClient http, Process bot)
{
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed < TimeSpan.FromSeconds(60))
    {
        if (bot.HasExited)
        {
            throw new InvalidOperationException($"the bot exited with code {bot.ExitCode} before it was ready");
        }

        try
        {
            using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
        }

        await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, CancellationToken.None);
    }

    throw new TimeoutException("the bot did not become ready within 60 s");
}

static async Task<(bool Ok, double Ms)> SendAsync(HttpClient http, string secret, string trigger, string text)
{
    var body = string.Join('&', new Dictionary<string, string>
    {
        ["team_id"] = "T0LOAD",
        ["channel_id"] = "C0LOAD",
        ["user_id"] = "U0LOAD",
        ["user_name"] = "load",
        ["command"] = "/incident",
        ["text"] = text,
        ["response_url"] = "http://127.0.0.1:9/load",
        ["trigger_id"] = trigger,
    }.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));
    var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
    var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
    using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands")
    {
        Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
    };
    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
    request.Headers.Add("X-Slack-Request-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
    request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(mac));
    var clock = Stopwatch.StartNew();
    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
    return (response.IsSuccessStatusCode, clock.Elapsed.TotalMilliseconds);
}

static async Task<int> CountIncidentsAsync(HttpClient http, string token)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, "/api/incidents");
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await http.SendAsync(request);
    response.EnsureSuccessStatusCode();
    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    return json.RootElement.GetArrayLength();
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static double Percentile(List<double> sorted, double p) =>
    sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

/// <summary>Command-line options: --bot (path to IncidentBot.dll), --rounds, --concurrency, --p99-ms.</summary>
internal sealed record Arguments(string BotDll, int Rounds, int Concurrency, double P99BudgetMs)
{
    public static Arguments Parse(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new Arguments(
            Get("--bot") ?? Path.Combine(RepositoryRoot(), "artifacts", "bin", "IncidentBot", "release", "IncidentBot.dll"),
            int.Parse(Get("--rounds") ?? "10", CultureInfo.InvariantCulture),
            int.Parse(Get("--concurrency") ?? "32", CultureInfo.InvariantCulture),
            double.Parse(Get("--p99-ms") ?? "100", CultureInfo.InvariantCulture));
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

/// <summary>Answers every Web API call with <c>ok:true</c> at once: Slack as fast as it could be, so the run measures the bot.</summary>
internal sealed class MinimalSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _calls;

    private MinimalSlack(WebApplication app)
    {
        _app = app;
        app.MapPost("/api/{method}", async (HttpContext context, string method) =>
        {
            var n = Interlocked.Increment(ref _calls);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(method == "auth.test"
                ? """{"ok":true,"user_id":"U0LOADBOT","bot_id":"B0LOADBOT","team_id":"T0LOAD"}"""
                : string.Create(CultureInfo.InvariantCulture, $$"""{"ok":true,"channel":"C0LOAD","ts":"1767600000.{{n:D6}}","permalink":"https://example.invalid/p{{n}}"}"""));
        });
    }

    public Uri ApiBaseUrl => new(_app.Urls.Single().TrimEnd('/') + "/api/");

    public long Calls => Interlocked.Read(ref _calls);

    public static async Task<MinimalSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var slack = new MinimalSlack(builder.Build());
        await slack._app.StartAsync();
        return slack;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;
using IncidentBot.Dashboard;
using IncidentBot.Dashboard.Live;
using IncidentBot.DashboardBench;
using IncidentBot.Hosting;
using IncidentBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Seeds 10,000 incidents (about 100,000 timeline entries) into SQLite, signs in to the real dashboard over loopback
// HTTP as a browser would, and times the incidents page (default, filtered, deep page) and the insights page.
// Run: dotnet run -c Release --project bench/IncidentBot.DashboardBench [-- <runs> [<incidents>]]
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var c = CultureInfo.InvariantCulture;
var directory = Directory.CreateTempSubdirectory("incidentbot-bench-dashboard-");
const string token = "bench-dashboard-token-0123456789abcdef";
var builder = WebApplication.CreateBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Configuration["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory.FullName, "dashboard.db")}";
builder.Configuration["Api:Token"] = token;
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Services.AddIncidentBotCore().AddStorage(builder.Configuration).AddDashboard(builder.Configuration);
await using (var app = builder.Build())
{
    app.UseDashboard();
    app.MapDashboard();
    await app.StartAsync();
    var store = app.Services.GetRequiredService<IIncidentStore>();
    var seeding = Stopwatch.StartNew();
    var entries = await BenchSeed.WriteAsync(store, count, TimeProvider.System.GetUtcNow(), TimeSpan.FromDays(7 * 12));
    Console.WriteLine(string.Create(c, $"Seeded {count} incidents with {entries} timeline entries in {seeding.Elapsed.TotalSeconds:F1} s"));

    using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
    using var client = new HttpClient(handler) { BaseAddress = new Uri(app.Urls.First()) };
    await SignInAsync(client, token);

    // "Recomputed": a change is recorded before each request, so the insights cache never answers; "repeated": it may.
    var changes = app.Services.GetRequiredService<IncidentChanges>();
    Action recordChange = () => changes.Publish(new IncidentId(1));
    foreach (var (name, path, budget, before) in new (string, string, int, Action?)[]
    {
        ("incidents, first page", "/", 100, null),
        ("incidents, filtered by text and severity", "/?q=payments&severity=sev1&status=open", 100, null),
        ("incidents, page 150", "/?page=150", 100, null),
        ("insights, 12 weeks, recomputed", "/insights", 300, recordChange),
        ("insights, 52 weeks, recomputed", "/insights?weeks=52", 300, recordChange),
        ("insights, 12 weeks, repeated view", "/insights", 300, null),
    })
    {
        var (wall, cpu) = await TimeAsync(client, path, runs, before);
        Console.WriteLine(string.Create(c, $"GET {path} ({name}), {runs} requests after 3 warm-ups, budget {budget} ms"));
        Console.WriteLine(string.Create(c, $"  wall: min {wall[0]:F1} ms, median {wall[runs / 2]:F1} ms, p95 {wall[(int)(runs * 0.95)]:F1} ms, max {wall[^1]:F1} ms"));
        Console.WriteLine(string.Create(c, $"  cpu:  min {cpu[0]:F1} ms, median {cpu[runs / 2]:F1} ms, p95 {cpu[(int)(runs * 0.95)]:F1} ms, max {cpu[^1]:F1} ms"));
    }

    Console.WriteLine(string.Create(c, $"  machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}"));
    await app.StopAsync();
}

directory.Delete(recursive: true);

// Wall time is what the reader waits; CPU time (this process, server and client threads, GC included) is what the
// page costs, and stays meaningful on a machine shared with other work.
static async Task<(double[] Wall, double[] Cpu)> TimeAsync(HttpClient client, string path, int runs, Action? before)
{
    using var process = Process.GetCurrentProcess();
    var route = new Uri(path, UriKind.Relative);
    for (var i = 0; i < 3; i++)
    {
        (await client.GetAsync(route)).EnsureSuccessStatusCode();
    }

    var wall = new double[runs];
    var cpu = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        before?.Invoke();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(route);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        wall[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        process.Refresh();
        cpu[i] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
    }

    Array.Sort(wall);
    Array.Sort(cpu);
    return (wall, cpu);
}

// The sign-in form as a browser posts it: its antiforgery field and cookie, then the session cookie.
static async Task SignInAsync(HttpClient client, string token)
{
    var form = await client.GetStringAsync(new Uri("/signin?retry=1", UriKind.Relative));
    var csrf = Regex.Match(form, "name=\"__csrf\" value=\"([^\"]+)\"").Groups[1].Value;
    using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__csrf"] = csrf, ["token"] = token, ["returnUrl"] = "/" });
    using var response = await client.PostAsync(new Uri("/signin", UriKind.Relative), content);
    if (response.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}.");
    }
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

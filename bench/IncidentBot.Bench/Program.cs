using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using IncidentBot.Api;
using IncidentBot.Bench;
using IncidentBot.Core.Persistence;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Postmortems;
using IncidentBot.Hosting;
using IncidentBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Renders the postmortem of a 10,000-message incident N times, then serves it N times through the real API,
// and prints min/median/max of each.
// Run: dotnet run -c Release --project bench/IncidentBot.Bench [-- <runs> [<messages>]]
// The write path instead: ... -- write [<seconds> [<callers> [<text>]]] (see WriteBench).
if (args.Length > 0 && args[0] == "write")
{
    await WriteBench.RunAsync(
        args.Length > 3 ? args[3] : "note INC-1 bench note",
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 32);
    return;
}

var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
var messages = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var incident = new BenchIncident(messages);
var policy = IncidentPolicy.Default;

var size = 0;
for (var i = 0; i < 5; i++)
{
    size = PostmortemRenderer.Render(incident.Incident, incident.Timeline, incident.Actions, policy).Length;
}

// Wall time is what a caller waits; CPU time (this process, all threads, GC included) is what rendering
// costs, and stays meaningful on a box shared with other work.
var times = new double[runs];
var cpu = new double[runs];
using var process = Process.GetCurrentProcess();
for (var i = 0; i < runs; i++)
{
    process.Refresh();
    var cpuBefore = process.TotalProcessorTime;
    var started = Stopwatch.GetTimestamp();
    PostmortemRenderer.Render(incident.Incident, incident.Timeline, incident.Actions, policy);
    times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    process.Refresh();
    cpu[i] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
}

var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
PostmortemRenderer.Render(incident.Incident, incident.Timeline, incident.Actions, policy);
var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

Array.Sort(times);
Array.Sort(cpu);
var c = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(c, $"Postmortem render: {incident.Messages} messages, {incident.Timeline.Count} timeline entries, {size / 1024} KiB of Markdown"));
Console.WriteLine(string.Create(c, $"{runs} runs after 5 warm-ups, budget 200 ms"));
Console.WriteLine(string.Create(c, $"  wall: min {times[0]:F1} ms, median {times[runs / 2]:F1} ms, max {times[^1]:F1} ms"));
Console.WriteLine(string.Create(c, $"  cpu:  min {cpu[0]:F1} ms, median {cpu[runs / 2]:F1} ms, max {cpu[^1]:F1} ms"));
Console.WriteLine(string.Create(c, $"  allocated per render: {allocated / (1024.0 * 1024.0):F1} MiB"));
Console.WriteLine(string.Create(c, $"  machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}"));

// The API half: the draft stored in SQLite and served by the real route over loopback HTTP.
var markdown = PostmortemRenderer.Render(incident.Incident, incident.Timeline, incident.Actions, policy);
var directory = Directory.CreateTempSubdirectory("incidentbot-bench-api-");
const string token = "bench-api-token-0123456789abcdef";
var builder = WebApplication.CreateBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Configuration["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory.FullName, "api.db")}";
builder.Configuration["Api:Token"] = token;
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Services.AddIncidentBotCore().AddStorage(builder.Configuration);
await using (var app = builder.Build())
{
    app.MapIncidentApi();
    await app.StartAsync();
    var store = app.Services.GetRequiredService<IIncidentStore>();
    await using (var uow = await store.BeginAsync(CancellationToken.None))
    {
        var id = await uow.NextIncidentIdAsync(CancellationToken.None);
        await uow.SaveAsync(incident.Incident with { Id = id }, CancellationToken.None);
        await uow.SavePostmortemAsync(id, markdown, incident.Incident.DeclaredAt, CancellationToken.None);
        await uow.CommitAsync(CancellationToken.None);
    }

    using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    var route = new Uri("/api/incidents/INC-1/postmortem.md", UriKind.Relative);
    for (var i = 0; i < 5; i++)
    {
        await client.GetByteArrayAsync(route);
    }

    var served = new double[runs];
    var bytes = 0;
    for (var i = 0; i < runs; i++)
    {
        var started = Stopwatch.GetTimestamp();
        bytes = (await client.GetByteArrayAsync(route)).Length;
        served[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    Array.Sort(served);
    Console.WriteLine(string.Create(c, $"API GET /api/incidents/INC-1/postmortem.md ({bytes / 1024} KiB), {runs} requests, budget 300 ms"));
    Console.WriteLine(string.Create(c, $"  wall: min {served[0]:F1} ms, median {served[runs / 2]:F1} ms, max {served[^1]:F1} ms"));
    await app.StopAsync();
}

directory.Delete(recursive: true);

static string LoadAverage() =>
    Machine.LoadAverage();

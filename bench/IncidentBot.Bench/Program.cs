using System.Diagnostics;
using System.Globalization;
using IncidentBot.Bench;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Postmortems;

// Renders the postmortem of a 10,000-message incident N times and prints min/median/max.
// Run: dotnet run -c Release --project bench/IncidentBot.Bench [-- <runs> [<messages>]]
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

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

using System.Diagnostics;
using System.Globalization;
using IncidentBot.Core.Handling;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Reminders;
using IncidentBot.Hosting;
using IncidentBot.Metrics;
using IncidentBot.ReminderBench;
using IncidentBot.Reminders;
using IncidentBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Issue 5 "precision and scale": with 10,000 open incidents, every reminder must leave (be committed to the
// outbox) within 1 s of its due time, and the loop must use next to no CPU while nothing is due. This runs the
// real ReminderLoop, ReminderRunner and SQLite store on the system clock and prints the figures.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var spread = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30);
var directory = Directory.CreateTempSubdirectory("incidentbot-bench-");
var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Configuration["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory.FullName, "bench.db")}";
builder.Services.AddIncidentBotCore().AddStorage(builder.Configuration).AddIncidentBotMetrics(builder.Configuration);
using var host = builder.Build();
var time = TimeProvider.System;
var policy = host.Services.GetRequiredService<IncidentPolicy>();
await host.Services.GetRequiredService<StorageMaintenance>().MigrateAsync(CancellationToken.None);
var (store, measure) = MeasuringStore.Wrap(host.Services.GetRequiredService<IIncidentStore>(), time);

// Seed: SEV1 incidents whose acknowledgement reminders fall due evenly over the spread, starting 5 s from now.
var ackWithin = policy.Sev1.AckWithin!.Value;
var firstDue = time.GetUtcNow() + TimeSpan.FromSeconds(5);
var seeding = Stopwatch.StartNew();
for (var start = 0; start < count; start += 1000)
{
    await using var uow = await store.BeginAsync(CancellationToken.None);
    for (var i = start; i < Math.Min(count, start + 1000); i++)
    {
        var due = firstDue + (spread * i / count);
        var incident = new Incident
        {
            Id = await uow.NextIncidentIdAsync(CancellationToken.None),
            Workspace = new WorkspaceId(Platform.Slack, "TBENCH"),
            ChannelId = "CBENCH",
            RootMessageId = $"{i}.000",
            ThreadId = $"{i}.000",
            Title = $"Bench incident {i}",
            Severity = Severity.Sev1,
            Commander = new UserRef("U1", "bench"),
            DeclaredBy = new UserRef("U1", "bench"),
            DeclaredAt = due - ackWithin,
            LastUpdateAt = due,
        };
        await uow.SaveAsync(incident with { NextReminderAt = ReminderPlanner.NextDue(incident, policy) }, CancellationToken.None);
    }

    await uow.CommitAsync(CancellationToken.None);
}

Console.WriteLine($"seeded {count} open SEV1 incidents in {seeding.Elapsed.TotalSeconds:0.0} s; reminders due over {spread.TotalSeconds:0} s");

var loop = new ReminderLoop(
    new ReminderRunner(store, policy), store, time, host.Services.GetRequiredService<WorkSignals>(),
    host.Services.GetRequiredService<HostMetrics>(), [], host.Services.GetRequiredService<ILogger<ReminderLoop>>());
await loop.StartAsync(CancellationToken.None);
var deadline = Stopwatch.StartNew();
while (measure.Lateness.Count < count && deadline.Elapsed < spread + TimeSpan.FromSeconds(60))
{
    await Task.Delay(TimeSpan.FromMilliseconds(200), time);
}

var lateness = measure.Lateness.Select(l => l.TotalMilliseconds).Order().ToArray();
double Percentile(double p) => lateness.Length == 0 ? double.NaN : lateness[Math.Min(lateness.Length - 1, (int)Math.Ceiling(p * lateness.Length) - 1)];
Console.WriteLine($"reminders committed: {lateness.Length} of {count}");
Console.WriteLine($"lateness ms: p50 {Percentile(0.50):0.0}  p99 {Percentile(0.99):0.0}  max {lateness.LastOrDefault():0.0}  (goal: max < 1000)");
Console.WriteLine($"over 1 s late: {lateness.Count(l => l > 1000)}");

// Idle: every clock now sits 5 minutes out; the loop should sleep on one timer.
var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var idle = Stopwatch.StartNew();
await Task.Delay(TimeSpan.FromSeconds(10), time);
process.Refresh();
var cpu = process.TotalProcessorTime - cpuBefore;
Console.WriteLine($"idle: {cpu.TotalMilliseconds:0} ms CPU in {idle.Elapsed.TotalSeconds:0.0} s wall ({100 * cpu / idle.Elapsed:0.00}% of one core)");

await loop.StopAsync(CancellationToken.None);
directory.Delete(recursive: true);
return lateness.Length == count && lateness.LastOrDefault() < 1000 ? 0 : 1;

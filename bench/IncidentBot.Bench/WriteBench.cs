using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using IncidentBot.Core.Handling;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;
using IncidentBot.Hosting;
using IncidentBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Bench;

/// <summary>
/// The write path without HTTP: <see cref="IncidentService"/> over the real SQLite store, <c>connections</c> callers
/// each sending distinct <c>note</c> commands for <c>seconds</c>. Prints records/s, p50/p99 of the wait for the
/// commit, the CPU it cost per record, and how many entries are on the timeline afterwards. With a text starting
/// <c>thread</c> the callers send thread messages instead: the gateway's MESSAGE_CREATE as it reaches Core.
/// </summary>
internal static class WriteBench
{
    private static readonly ConcurrentDictionary<InboundResult, int> Results = new();

    public static async Task RunAsync(string text, int seconds, int connections)
    {
        var directory = Directory.CreateTempSubdirectory("incidentbot-bench-write-");
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory.FullName, "write.db")}";
        builder.Services.AddIncidentBotCore().AddStorage(builder.Configuration);
        await using (var app = builder.Build())
        {
            await app.StartAsync();
            var service = app.Services.GetRequiredService<IncidentService>();
            var workspace = new WorkspaceId(Platform.Slack, "T0BENCH");
            var user = new UserRef("U0BENCH", "bench");
            var sequence = 0;
            var store = app.Services.GetRequiredService<IIncidentStore>();

            // `thread …` sends thread messages, what a Discord gateway MESSAGE_CREATE (or a Slack message event) in
            // the incident's thread becomes once mapped; anything else is a slash command's text.
            var thread = text.StartsWith("thread ", StringComparison.Ordinal);
            InboundEvent Command(string command)
            {
                var n = Interlocked.Increment(ref sequence);
                var context = new InboundContext(
                    workspace, "C0INCIDENTS", thread && n > 1 ? "T0THREAD" : null, user, TimeProvider.System.GetUtcNow(), $"in:{n}");
                return thread && n > 1
                    ? new ThreadMessagePosted(context, $"M{n}", command)
                    : new CommandInvoked(context, command, null, null);
            }

            await service.HandleAsync(Command("declare sev2 Write bench"), CancellationToken.None);
            // As the dispatcher records it once the thread is open; no platform here to open it.
            await using (var connection = await app.Services.GetRequiredService<DbDataSource>().OpenConnectionAsync())
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "UPDATE incidents SET thread_id = 'T0THREAD' WHERE number = 1";
                await command.ExecuteNonQueryAsync();
            }


            // Warm-up, so the figures are the steady state rather than the JIT.
            await LoadAsync(service, Command, text, TimeSpan.FromSeconds(2), connections);
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var (latencies, elapsed) = await LoadAsync(service, Command, text, TimeSpan.FromSeconds(seconds), connections);
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            int stored;
            await using (var reader = await store.OpenLookupsAsync(CancellationToken.None))
            {
                stored = await reader.CountTimelineAsync(new IncidentId(1), CancellationToken.None);
            }

            latencies.Sort();
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c,
                $"write path `{text}`: {latencies.Count / elapsed.TotalSeconds:F0} records/s, p50 {latencies[latencies.Count / 2]:F2} ms, "
                + $"p99 {latencies[(int)(latencies.Count * 0.99)]:F2} ms, cpu {cpu.TotalMicroseconds / latencies.Count:F0} µs/record, "
                + $"{connections} callers, {seconds} s; {string.Join(", ", Results.Select(r => $"{r.Value} {r.Key}"))}; {stored} timeline entries; load {Machine.LoadAverage()}"));
            await app.StopAsync();
        }

        directory.Delete(recursive: true);
    }

    private static async Task<(List<double> Latencies, TimeSpan Elapsed)> LoadAsync(
        IncidentService service, Func<string, InboundEvent> command, string text, TimeSpan duration, int connections)
    {
        var started = Stopwatch.GetTimestamp();
        var perCaller = Enumerable.Range(0, connections).Select(_ => new List<double>()).ToArray();
        Results.Clear();
        await Parallel.ForEachAsync(Enumerable.Range(0, connections), new ParallelOptions { MaxDegreeOfParallelism = connections }, async (caller, _) =>
        {
            var i = 0;
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                var sent = Stopwatch.GetTimestamp();
                var outcome = await service.HandleAsync(command(string.Create(CultureInfo.InvariantCulture, $"{text} {caller}-{i++}")), CancellationToken.None);
                Results.AddOrUpdate(outcome.Result, 1, (_, n) => n + 1);
                perCaller[caller].Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        });
        return ([.. perCaller.SelectMany(l => l)], Stopwatch.GetElapsedTime(started));
    }
}

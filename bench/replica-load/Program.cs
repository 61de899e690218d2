using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;

// Throughput with 1 and 3 replicas on one PostgreSQL (issue 12, "print throughput with 1 and 3 replicas"). For each
// replica count: a database of its own on the server, that many copies of the built bot (Release) on it, and
// --connections callers spread evenly over the replicas as a load balancer would (caller i talks to replica i mod N),
// each sending distinct, validly signed slash commands as fast as the answers come back for --seconds. Then
// requests/s, p50/p99/max of the time to the answer, the non-2xx count, and how many of the 200s are on the incident's
// timeline (for `note`, all of them must be: a 200 means stored). Everything stays on 127.0.0.1 but the server.
if (Options.Parse(args) is not { } options)
{
    await Console.Error.WriteLineAsync("replica-load needs --postgres <admin connection string> (or INCIDENTBOT_TEST_POSTGRES): the server to run on.");
    return 2;
}

await using var slack = await MinimalSlack.StartAsync();
var passed = true;
foreach (var count in options.Replicas)
{
    var run = await MeasureAsync(options, count, slack.ApiBaseUrl);
    run.Latencies.Sort();
    var accepted = run.Latencies.Count - run.Failures;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{count} replica{(count == 1 ? "" : "s")}, `{options.Text}`: {run.Latencies.Count} requests in {run.Elapsed.TotalSeconds:0.0} s over {options.Connections} connections: " +
        $"{run.Latencies.Count / run.Elapsed.TotalSeconds:0} requests/s, p50 {Percentile(run.Latencies, 0.50):0.0} ms, p99 {Percentile(run.Latencies, 0.99):0.0} ms, " +
        $"max {run.Latencies[^1]:0.0} ms; non-2xx {run.Failures}; on the timeline {run.Stored} of {accepted} answered 200; load average {LoadAverage()}"));
    passed &= run.Failures == 0 && (!options.Text.StartsWith("note ", StringComparison.Ordinal) || run.Stored == accepted);
}

var storing = options.Text.StartsWith("note ", StringComparison.Ordinal);
Console.WriteLine(passed
    ? $"PASS: no non-2xx{(storing ? ", every 200 stored" : string.Empty)}"
    : $"FAIL: a non-2xx answer{(storing ? ", or a 200 not on the timeline" : string.Empty)}");
return passed ? 0 : 1;

static async Task<LoadRun> MeasureAsync(Options options, int count, Uri slackApi)
{
    var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    var apiToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    var database = "replica_load_" + Guid.NewGuid().ToString("N");
    await AdminAsync(options.Postgres, $"CREATE DATABASE {database}");
    var connectionString = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = database }.ConnectionString;
    var replicas = new List<Replica>();
    try
    {
        // Started together, as a rollout does: one migrates under the advisory lock, the others find the schema current.
        replicas.AddRange(await Task.WhenAll(Enumerable.Range(0, count).Select(i => Replica.StartAsync(i, options, connectionString, secret, apiToken, slackApi))));
        if (!(await SignedCommand.SendAsync(replicas[0].Client, secret, "declare-0", "declare sev2 Load drill")).Ok)
        {
            throw new InvalidOperationException("the bot refused to declare the load incident");
        }

        // Warm-up (JIT, connection pools, caches on every replica): a second of the same load, not measured.
        var marker = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        await LoadAsync(replicas, secret, options with { Seconds = 1 }, "warmup-" + marker);
        var run = await LoadAsync(replicas, secret, options, marker);
        return run with { Stored = await CountStoredAsync(replicas[0].Client, apiToken, marker) };
    }
    finally
    {
        foreach (var replica in replicas)
        {
            replica.Dispose();
        }

        await AdminAsync(options.Postgres, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }
}

static async Task<LoadRun> LoadAsync(List<Replica> replicas, string secret, Options options, string marker)
{
    var (latencies, failures, elapsed) = await SignedCommand.LoadAsync(
        caller => replicas[caller % replicas.Count].Client, secret, options.Text, marker, options.Connections, TimeSpan.FromSeconds(options.Seconds));
    return new LoadRun(latencies, failures, elapsed, 0);
}

// How many timeline entries of the load incident carry this run's marker, as one replica's API shows them.
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

static async Task AdminAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static double Percentile(List<double> sorted, double p) =>
    sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

/// <summary>What one measured run gave: every request's time to its answer, the non-2xx count, the wall time, the 200s stored.</summary>
internal sealed record LoadRun(List<double> Latencies, int Failures, TimeSpan Elapsed, int Stored);

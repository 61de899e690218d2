using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using IncidentBot.Testing.Fakes.Discord;
using Microsoft.Data.Sqlite;

// The Discord figures of issue 11, against the Release bot in its own process (run from the project root after
// `dotnet build -c Release`):
//   dotnet run -c Release --project bench/discord-load -- gateway [events]          MESSAGE_CREATEs recorded per second
//   dotnet run -c Release --project bench/discord-load -- outbox [incidents] [messages]  a backlog delivered per second
// Both print the bot's start-up time (process start to /readyz) and its resident memory once idle.
var mode = args.Length > 0 ? args[0] : "gateway";
if (mode is not ("gateway" or "outbox"))
{
    Console.Error.WriteLine("usage: discord-load gateway [events] | outbox [incidents] [messages]");
    return 2;
}

var botDll = Environment.GetEnvironmentVariable("BOT_DLL") ?? Path.GetFullPath("artifacts/bin/IncidentBot/release/IncidentBot.dll");
if (!File.Exists(botDll))
{
    Console.Error.WriteLine($"{botDll} not found: run `dotnet build -c Release` from the project root first, or set BOT_DLL.");
    return 2;
}

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
var c = CultureInfo.InvariantCulture;
const string Ana = "1400000000000000001";
const string Bob = "1400000000000000002";
long nextId = 1_700_000_000_000_000_000;
var seen = new HashSet<string>();
string NextId() => Interlocked.Increment(ref nextId).ToString(c);

await using var discord = await FakeDiscord.StartAsync();
var directory = Directory.CreateTempSubdirectory("incidentbot-discord-load-");
var bot = await BotProcess.StartAsync(botDll, discord, directory);
await UntilAsync(() => discord.Gateway.SessionId is not null, TimeSpan.FromSeconds(30), "the gateway session");

// Idle: started, connected, nothing to do for a few seconds (the first collections after start-up have run).
await Task.Delay(TimeSpan.FromSeconds(5), TimeProvider.System);
Console.WriteLine(string.Create(c, $"start-up: ready {bot.Ready.TotalMilliseconds:F0} ms after process start; idle RSS {bot.ResidentMiB():F0} MiB; {Environment.ProcessorCount} cores, load {LoadAverage()}"));

await using var db = new SqliteConnection($"Data Source={bot.DatabasePath}");
await db.OpenAsync();

if (mode == "gateway")
{
    var events = Arg(1, 100_000);
    var thread = await DeclareAsync("Gateway load");
    var smallEdit = await EditLatencyAsync(thread);
    var before = await CountAsync("SELECT COUNT(*) FROM timeline_entries WHERE incident_number = 1");
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < events; i++)
    {
        await discord.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordPayloads.Message(discord, thread, NextId(), $"gateway load {i}", Bob, "Bob", TimeProvider.System.GetUtcNow()));
    }

    var sent = clock.Elapsed;
    await UntilCountAsync("SELECT COUNT(*) FROM timeline_entries WHERE incident_number = 1", before + events, TimeSpan.FromMinutes(3));
    var recorded = clock.Elapsed;
    Console.WriteLine(string.Create(c,
        $"gateway: {events} MESSAGE_CREATE sent in {sent.TotalSeconds:F1} s ({events / sent.TotalSeconds:F0}/s); all {events} on the timeline after {recorded.TotalSeconds:F1} s: {events / recorded.TotalSeconds:F0} recorded/s; RSS {bot.ResidentMiB():F0} MiB"));
    var largeEdit = await EditLatencyAsync(thread);
    Console.WriteLine(string.Create(c,
        $"status doc: `/incident note` to the root's edit at the fake, median of 5: {smallEdit.TotalMilliseconds:F0} ms with {before} timeline entries, {largeEdit.TotalMilliseconds:F0} ms with {before + events + 5}"));
}
else
{
    // A backlog after an outage: the bot declares the incidents (each has its thread), stops, and finds on its next
    // start `messages` thread posts queued per incident, many lanes at once; it delivers them to the fast fake.
    var incidents = Arg(1, 50);
    var messages = Arg(2, 40);
    for (var i = 1; i <= incidents; i++)
    {
        await DeclareAsync($"Outbox load {i}");
    }

    await UntilCountAsync("SELECT COUNT(*) FROM outbox WHERE state = 'pending'", 0, TimeSpan.FromMinutes(2));
    await bot.DisposeAsync();
    await using (var fill = db.CreateCommand())
    {
        // The welcome each incident posted is a thread post as the bot queues one: the backlog is copies of it.
        fill.CommandText = """
            WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < @Messages)
            INSERT INTO outbox (incident_number, kind, lane, waits_for, intent, state, created_at, attempts, next_attempt_at)
            SELECT o.incident_number, o.kind, o.lane, o.waits_for, o.intent, 'pending', o.created_at, 0, o.created_at
            FROM outbox o CROSS JOIN n
            WHERE o.id IN (SELECT MIN(w.id) FROM outbox w WHERE w.kind = 'post_thread' GROUP BY w.incident_number)
            """;
        fill.Parameters.AddWithValue("@Messages", messages);
        await fill.ExecuteNonQueryAsync();
    }

    var backlog = await CountAsync("SELECT COUNT(*) FROM outbox WHERE state = 'pending'");
    var posts = discord.RequestsTo("POST", "/messages").Count;
    var clock = Stopwatch.StartNew();
    bot = await BotProcess.StartAsync(botDll, discord, directory);
    var ready = clock.Elapsed;
    await UntilCountAsync("SELECT COUNT(*) FROM outbox WHERE state = 'pending'", 0, TimeSpan.FromMinutes(5));
    var drained = clock.Elapsed - ready;
    var failed = await CountAsync("SELECT COUNT(*) FROM outbox WHERE state = 'failed'");
    Console.WriteLine(string.Create(c,
        $"outbox: {backlog} queued thread posts over {incidents} incidents delivered {drained.TotalSeconds:F2} s after ready: {backlog / drained.TotalSeconds:F0} deliveries/s; fake got {discord.RequestsTo("POST", "/messages").Count - posts} posts; {failed} failed"));
}

await bot.DisposeAsync();
SqliteConnection.ClearAllPools();
directory.Delete(recursive: true);
return 0;

async Task<string> DeclareAsync(string title)
{
    var threads = discord.Threads.Count;
    await discord.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordPayloads.SlashCommand(
        discord, discord.IncidentsChannelId, NextId(), Ana, "Ana", "declare", ("severity", 3, JsonValue.Create("sev2")), ("title", 3, JsonValue.Create(title))));
    await UntilAsync(() => discord.Threads.Count > threads, TimeSpan.FromSeconds(30), "the incident's thread");
    var thread = discord.Threads.Keys.Except(seen).Single();
    seen.Add(thread);

    // The welcome waits for the thread to be recorded: once it is posted, the bot maps messages in the thread.
    await UntilAsync(() => discord.MessagesIn(thread).Count > 0, TimeSpan.FromSeconds(30), "the welcome in the thread");
    return thread;
}

// From a note to the status doc's edit reaching the fake, median of five; each waits out the one-edit-a-second throttle.
async Task<TimeSpan> EditLatencyAsync(string thread)
{
    var times = new List<TimeSpan>();
    for (var i = 0; i < 5; i++)
    {
        await Task.Delay(TimeSpan.FromSeconds(1.2), TimeProvider.System);
        var edits = discord.RequestsTo("PATCH", $"/messages/{thread}").Count;
        var clock = Stopwatch.StartNew();
        await discord.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordPayloads.SlashCommand(
            discord, thread, NextId(), Ana, "Ana", "note", ("text", 3, JsonValue.Create($"edit probe {i}"))));
        await UntilAsync(() => discord.RequestsTo("PATCH", $"/messages/{thread}").Count > edits, TimeSpan.FromSeconds(30), "the status-doc edit");
        times.Add(clock.Elapsed);
    }

    times.Sort();
    return times[2];
}

async Task<long> CountAsync(string sql)
{
    await using var command = db.CreateCommand();
    command.CommandText = sql;
    return Convert.ToInt64(await command.ExecuteScalarAsync(), c);
}

async Task UntilCountAsync(string sql, long expected, TimeSpan budget)
{
    var clock = Stopwatch.StartNew();
    while (await CountAsync(sql) != expected)
    {
        if (clock.Elapsed > budget)
        {
            throw new TimeoutException($"{sql}: {await CountAsync(sql)} after {budget.TotalSeconds:0} s, expected {expected}");
        }

        await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
    }
}

static async Task UntilAsync(Func<bool> condition, TimeSpan budget, string what)
{
    var clock = Stopwatch.StartNew();
    while (!condition())
    {
        if (clock.Elapsed > budget)
        {
            throw new TimeoutException($"no {what} within {budget.TotalSeconds:0} s");
        }

        await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
    }
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

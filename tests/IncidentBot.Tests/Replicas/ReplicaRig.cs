using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Dapper;
using IncidentBot.Testing.Fakes.Discord;
using IncidentBot.Testing.Fakes.Slack;
using IncidentBot.Testing.Postgres;
using IncidentBot.Tests.Infrastructure;
using IncidentBot.Tests.Slack;
using Npgsql;

namespace IncidentBot.Tests.Replicas;

/// <summary>
/// Several replicas of the real executable (<see cref="RunningBot"/>) on one PostgreSQL database of their own, in
/// Slack HTTP mode behind a round-robin "load balancer" that, like one, sends a request that found a dead replica to
/// the next one; all of them also configured for Discord's gateway against one <see cref="FakeDiscord"/>.
/// </summary>
internal sealed class ReplicaRig : IAsyncDisposable
{
    private readonly PostgresServer _server;
    private readonly List<RunningBot> _bots;
    private readonly string _folder;
    private int _next;

    private ReplicaRig(PostgresServer server, string connectionString, FakeSlack slack, FakeDiscord discord, List<RunningBot> bots, string folder)
    {
        _server = server;
        ConnectionString = connectionString;
        Slack = slack;
        Discord = discord;
        _bots = bots;
        _folder = folder;
    }

    public string ConnectionString { get; }

    public FakeSlack Slack { get; }

    public FakeDiscord Discord { get; }

    public IReadOnlyList<RunningBot> Live => [.. _bots.Where(b => !b.HasExited)];

    public static async Task<ReplicaRig> StartAsync(int replicas, IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = await TestContext.Current.GetFixture<PostgresServer>() ?? throw new InvalidOperationException("No PostgreSQL fixture.");
        var connectionString = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        var slack = await FakeSlack.StartAsync();
        slack.AddUser("U0JENS", "Jens");
        var discord = await FakeDiscord.StartAsync();
        var folder = Directory.CreateTempSubdirectory("incidentbot-replicas-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["Slack__BotToken"] = FakeSlack.BotToken,
            ["Slack__ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
            ["Slack__IncidentsChannel"] = SlackPayloads.Channel,
            ["Slack__SigningSecret"] = SlackBot.SigningSecret,
            ["Discord__BotToken"] = FakeDiscord.BotToken,
            ["Discord__ApplicationId"] = discord.ApplicationId,
            ["Discord__ApiBaseUrl"] = discord.ApiBaseUrl.ToString(),
            ["Discord__IncidentsChannel"] = discord.IncidentsChannelId,
            ["Api__Token"] = SlackBot.ApiToken,
            ["Storage__ConnectionString"] = connectionString,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var bots = new List<RunningBot>();
        for (var i = 0; i < replicas; i++)
        {
            var workingDirectory = Path.Combine(folder, i.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(workingDirectory);
            bots.Add(await RunningBot.StartAsync(environment, workingDirectory));
        }

        return new ReplicaRig(server, connectionString, slack, discord, bots, folder);
    }

    /// <summary>A slash command, sent round-robin; null when no live replica answered.</summary>
    public Task<HttpStatusCode?> CommandAsync(string text, string trigger) =>
        SendAsync("/slack/commands", SlackPayloads.Form(SlackPayloads.SlashCommand(text, "U0JENS", trigger, Slack.ResponseUrl(trigger))), "application/x-www-form-urlencoded", 0, null);

    /// <summary>An Events API delivery to one replica in particular (a redelivery goes wherever the balancer sends it).</summary>
    public Task<HttpStatusCode?> EventAsync(JsonObject inner, string eventId, int retry, int replica) =>
        SendAsync("/slack/events", SlackPayloads.EventCallback(inner, eventId).ToJsonString(), "application/json", retry, replica);

    /// <summary>The incident as the operator API of a live replica shows it.</summary>
    public async Task<JsonNode> IncidentAsync(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/incidents/{id}", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SlackBot.ApiToken);
        using var response = await Live[0].Client.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>The live replica whose process holds the Discord gateway session lease, if one does.</summary>
    public async Task<RunningBot?> GatewayHolderAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        var owner = await connection.QuerySingleOrDefaultAsync<string?>(
            "SELECT owner FROM leases WHERE name LIKE 'discord-gateway/%' AND expires_at > (extract(epoch from now()) * 1000)::bigint");
        return owner is null ? null : Live.FirstOrDefault(b => owner.Contains($"/{b.ProcessId}/", StringComparison.Ordinal));
    }

    public async Task<long> PendingOutboxAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE state = 'pending'");
    }

    /// <summary>The intents of the thread lane, in queue order, as text.</summary>
    public async Task<IReadOnlyList<string>> QueuedThreadTextsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        return (await connection.QueryAsync<string>("SELECT intent::text FROM outbox WHERE lane = 'thread' ORDER BY id")).AsList();
    }

    public string Describe() => string.Join('\n', _bots.Select((b, i) => $"--- replica {i} (pid {b.ProcessId}) ---\n{b.Output}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var bot in _bots)
        {
            await bot.DisposeAsync();
        }

        await Slack.DisposeAsync();
        await Discord.DisposeAsync();
        await _server.DropDatabaseAsync(ConnectionString);
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<HttpStatusCode?> SendAsync(string path, string body, string contentType, int retry, int? replica)
    {
        // Round-robin over the live replicas; a connection refused moves on to the next, as a load balancer does.
        var live = Live;
        for (var attempt = 0; attempt < live.Count; attempt++)
        {
            var bot = replica is { } chosen ? live[chosen % live.Count] : live[(Interlocked.Increment(ref _next) + attempt) % live.Count];
            using var request = SlackSigner.Request(path, body, contentType, SlackBot.SigningSecret, TimeProvider.System.GetUtcNow());
            if (retry > 0)
            {
                request.Headers.Add("X-Slack-Retry-Num", retry.ToString(CultureInfo.InvariantCulture));
                request.Headers.Add("X-Slack-Retry-Reason", "http_error");
            }

            try
            {
                using var response = await bot.Client.SendAsync(request, TestContext.Current.CancellationToken);
                return response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException { InnerException: TimeoutException })
            {
                replica = null;
            }
        }

        return null;
    }
}

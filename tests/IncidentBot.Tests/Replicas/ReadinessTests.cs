using System.Net;
using IncidentBot.Testing.Postgres;
using IncidentBot.Tests.Infrastructure;
using Npgsql;

namespace IncidentBot.Tests.Replicas;

/// <summary>
/// Issue 12: <c>/readyz</c> is false while a replica cannot reach the database, so the load balancer sends its traffic
/// to the others, and true again once it can. The database is taken away for real: new connections to it are refused
/// and every open one (the replica's pooled connections included) is terminated by the server.
/// </summary>
public sealed class ReadinessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_replica_that_cannot_reach_PostgreSQL_is_not_ready_until_it_can_again()
    {
        await using var engine = await TestEngine.CreateAsync(TestEngine.Postgres);
        var server = (await TestContext.Current.GetFixture<PostgresServer>())!;
        var database = new NpgsqlConnectionStringBuilder(engine.ConnectionString).Database!;
        await using var bot = new BotApplication(connectionString: engine.ConnectionString).Start();
        using var client = bot.CreateClient();
        Assert.Equal(HttpStatusCode.OK, await ReadyAsync(client));

        await AdminAsync(server, $"ALTER DATABASE {database} ALLOW_CONNECTIONS false", $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
        try
        {
            await Eventually.AssertAsync(async () => await ReadyAsync(client) == HttpStatusCode.ServiceUnavailable, "/readyz to say 503 while the database refuses the replica");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct)).StatusCode);
        }
        finally
        {
            await AdminAsync(server, $"ALTER DATABASE {database} ALLOW_CONNECTIONS true");
        }

        await Eventually.AssertAsync(async () => await ReadyAsync(client) == HttpStatusCode.OK, "/readyz to recover once the database answers again");
    }

    private static async Task<HttpStatusCode> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
        return response.StatusCode;
    }

    private static async Task AdminAsync(PostgresServer server, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync(Ct);
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(Ct);
        }
    }
}

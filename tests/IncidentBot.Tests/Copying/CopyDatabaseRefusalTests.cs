using System.Net;
using System.Net.Sockets;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Copying;

/// <summary>What <c>copy-database</c> refuses, through the real executable: each refusal is exit code 1 and one line that says why.</summary>
public sealed class CopyDatabaseRefusalTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Fact]
    public async Task Help_names_both_flags_and_wrong_arguments_exit_2()
    {
        var help = await BotProcess.RunAsync(NoEnvironment, "copy-database", "--help");
        var missing = await BotProcess.RunAsync(NoEnvironment, "copy-database", "--from", "data/incidentbot.db");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--from", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("--to", help.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith("copy-database: --to is missing", Assert.Single(missing.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_source_is_refused_and_not_created()
    {
        var path = TestEngine.TempDatabase();

        var run = await BotProcess.RunAsync(NoEnvironment, "copy-database", "--from", $"Data Source={path}", "--to", "Host=127.0.0.1;Database=unused");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"copy-database: The SQLite database {path} does not exist; nothing was copied.", Assert.Single(run.StderrLines));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_source_written_by_a_newer_release_is_refused()
    {
        var path = await SqliteWithOneIncidentAsync();
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (99, '0099_future', 0)";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var run = await BotProcess.RunAsync(NoEnvironment, "copy-database", "--from", path, "--to", "Host=127.0.0.1;Database=unused");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("has schema version 99, newer than this IncidentBot's", Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_target_is_refused_in_one_line()
    {
        var path = await SqliteWithOneIncidentAsync();
        int closed;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closed = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var run = await BotProcess.RunAsync(NoEnvironment, "copy-database", "--from", path, "--to", $"Host=127.0.0.1;Port={closed};Username=incidentbot;Database=incidentbot;Timeout=5");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"copy-database: Cannot reach PostgreSQL incidentbot on 127.0.0.1:{closed}", Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_that_already_holds_incidents_is_refused_and_keeps_them()
    {
        var path = await SqliteWithOneIncidentAsync();
        await using var target = await TestEngine.CreateAsync(TestEngine.Postgres);
        var first = await BotProcess.RunAsync(NoEnvironment, "copy-database", "--from", path, "--to", target.ConnectionString);

        var second = await BotProcess.RunAsync(NoEnvironment, "copy-database", "--from", path, "--to", target.ConnectionString);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already holds 1 incident (numbers up to INC-1)", Assert.Single(second.StderrLines), StringComparison.Ordinal);
        await using var bot = new BotApplication(connectionString: target.ConnectionString).Start();
        var store = bot.Services.GetRequiredService<IncidentBot.Core.Persistence.IIncidentReader>();
        Assert.Single(await store.ListAsync(openOnly: false, TestContext.Current.CancellationToken));
    }

    private static async Task<string> SqliteWithOneIncidentAsync()
    {
        var path = TestEngine.TempDatabase();
        await using var bot = new BotApplication(databasePath: path).Start();
        var context = new InboundContext(new WorkspaceId(Platform.Slack, "T1"), "C1", null, new UserRef("U1", "jens"), bot.Time.GetUtcNow(), "cmd:1");
        await bot.Services.GetRequiredService<IInboundHandler>().HandleAsync(
            new CommandInvoked(context, "declare sev1 Checkout down", null, null), TestContext.Current.CancellationToken);
        return path;
    }
}

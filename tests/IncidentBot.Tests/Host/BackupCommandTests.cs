using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Host;

public sealed class BackupCommandTests
{
    [Fact]
    public async Task The_backup_command_writes_a_consistent_copy_with_the_incidents()
    {
        var database = TestEngine.TempDatabase();
        await using (var bot = new BotApplication(databasePath: database).Start())
        {
            var context = new InboundContext(new WorkspaceId(Platform.Slack, "T1"), "C1", null, new UserRef("U1", "jens"), bot.Time.GetUtcNow(), "cmd:1");
            await bot.Services.GetRequiredService<IInboundHandler>().HandleAsync(
                new CommandInvoked(context, "declare sev1 Checkout down", null, null), TestContext.Current.CancellationToken);
        }

        var target = Path.Combine(Path.GetTempPath(), "incidentbot-tests", $"{Guid.NewGuid():N}.backup.db");
        var run = await BotProcess.RunAsync(
            new Dictionary<string, string> { ["Storage__ConnectionString"] = $"Data Source={database}" }, "backup", target);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains(target, run.Stdout, StringComparison.Ordinal);
        await using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly");
        await copy.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = copy.CreateCommand();
        command.CommandText = "SELECT title FROM incidents";
        Assert.Equal("Checkout down", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}

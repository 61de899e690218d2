using Dapper;
using IncidentBot.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IncidentBot.Storage.Tests.Setup;

public sealed class StorageSetupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "incidentbot-storage-tests", Guid.NewGuid().ToString("N"));
    private readonly List<string> _connectionStrings = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_database_is_created_and_migrated_before_the_hosts_other_services_start()
    {
        var path = Path.Combine(_folder, "nested", "data", "incidentbot.db");
        using var host = Build($"Data Source={path}");

        await host.StartAsync(Ct);

        Assert.True(host.Services.GetRequiredService<ReadinessAtStartService>().ReadyAtStart);
        Assert.True(File.Exists(path));
        Assert.IsType<StorageLifecycleService>(host.Services.GetServices<IHostedService>().First());
        Assert.Same(host.Services.GetRequiredService<IIncidentStore>(), host.Services.GetRequiredService<IIncidentStore>());
        Assert.NotNull(host.Services.GetRequiredService<StorageMaintenance>());
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task A_stopped_host_leaves_one_self_contained_database_file()
    {
        var path = Path.Combine(_folder, "incidentbot.db");
        using var host = Build($"Data Source={path}");
        await host.StartAsync(Ct);
        var store = host.Services.GetRequiredService<IIncidentStore>();
        await using (var uow = await store.BeginAsync(Ct))
        {
            await uow.TryRecordInboundAsync(new Core.Incidents.WorkspaceId(Core.Incidents.Platform.Slack, "T1"), "k", DateTimeOffset.UnixEpoch, Ct);
            await uow.CommitAsync(Ct);
        }

        Assert.True(File.Exists(path + "-wal"));

        await host.StopAsync(Ct);

        Assert.False(File.Exists(path + "-wal"));
        await using var copy = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync(Ct);
        Assert.Equal(1, await copy.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM inbound_keys"));
    }

    [Fact]
    public async Task An_unusable_database_path_stops_start_up_with_one_line_naming_the_key()
    {
        var blocker = Path.Combine(_folder, "blocker");
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(blocker, "a file where a folder should be", Ct);
        using var host = Build($"Data Source={Path.Combine(blocker, "data", "incidentbot.db")}");

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.StartsWith("Storage__ConnectionString ", refused.Message, StringComparison.Ordinal);
        Assert.Contains(blocker, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Fact]
    public async Task A_database_newer_than_the_code_stops_start_up_with_the_refusal()
    {
        var path = Path.Combine(_folder, "incidentbot.db");
        using (var first = Build($"Data Source={path}"))
        {
            await first.StartAsync(Ct);
            await first.StopAsync(Ct);
        }

        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.ExecuteAsync("INSERT INTO schema_version (version, name, applied_at) VALUES (99, '0099_future', 0)");
        }

        using var host = Build($"Data Source={path}");

        var refused = await Assert.ThrowsAsync<StorageStartupException>(() => host.StartAsync(Ct));

        Assert.Contains("schema version 99", refused.Message, StringComparison.Ordinal);
        Assert.Null(host.Services.GetRequiredService<ReadinessAtStartService>().ReadyAtStart);
    }

    public void Dispose()
    {
        foreach (var connectionString in _connectionStrings)
        {
            SqliteConnection.ClearPool(new SqliteConnection(connectionString));
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private IHost Build(string connectionString)
    {
        _connectionStrings.Add(connectionString);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = connectionString });

        // Registered before the storage, as a host would: the storage must still come first.
        builder.Services.AddSingleton<ReadinessAtStartService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReadinessAtStartService>());
        builder.Services.AddStorage(builder.Configuration);
        return builder.Build();
    }
}

using Dapper;
using IncidentBot.Storage.Migrations;
using Microsoft.Extensions.Logging.Testing;

namespace IncidentBot.Storage.Tests.Sqlite;

public sealed class MigrationTests
{
    private static readonly string[] ExpectedTables =
    [
        "action_items", "alert_groups", "audit_entries", "id_sequences", "inbound_keys", "incident_responders", "incidents", "outbox",
        "pagerduty_links", "postmortems", "schema_version", "timeline_entries", "timeline_revisions",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrations_create_every_table_on_an_empty_database_and_record_the_version()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: false, Ct);

        await db.Runner().RunAsync(Ct);

        using var connection = db.OpenRaw();
        var tables = await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        Assert.Equal(ExpectedTables, tables);
        Assert.Equal(db.Runner().LatestVersion, await connection.ExecuteScalarAsync<int>("SELECT MAX(version) FROM schema_version"));
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Empty(Directory.EnumerateFiles(db.Folder, "*.bak-*"));
    }

    [Fact]
    public async Task Running_the_migrations_again_changes_nothing()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: true, Ct);
        using var before = db.OpenRaw();
        var schema = await before.QueryAsync<string>("SELECT sql FROM sqlite_master ORDER BY name");

        await db.Runner().RunAsync(Ct);
        await db.Runner().RunAsync(Ct);

        using var after = db.OpenRaw();
        Assert.Equal(schema, await after.QueryAsync<string>("SELECT sql FROM sqlite_master ORDER BY name"));
        Assert.Equal(Latest, await after.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_version"));
        Assert.Empty(Directory.EnumerateFiles(db.Folder, "*.bak-*"));
    }

    [Fact]
    public async Task Connections_enforce_foreign_keys()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: true, Ct);

        await using var connection = await db.Database.OpenAsync(Ct);

        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("PRAGMA foreign_keys"));
        Assert.Equal(5000, await connection.ExecuteScalarAsync<int>("PRAGMA busy_timeout"));
    }

    [Fact]
    public async Task An_existing_database_is_backed_up_beside_itself_before_a_new_migration()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: true, Ct);
        using (var seed = db.OpenRaw())
        {
            await seed.ExecuteAsync("UPDATE id_sequences SET last_value = 41");
        }

        var logger = new FakeLogger<MigrationRunner>();
        db.Time.SetUtcNow(new DateTimeOffset(2026, 5, 1, 9, 30, 15, TimeSpan.Zero));

        await db.Runner(WithSteps(1), logger).RunAsync(Ct);

        var backup = db.FilePath + $".bak-v{Latest}-20260501093015";
        Assert.True(File.Exists(backup));
        await using (var copy = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={backup};Mode=ReadOnly;Pooling=False"))
        {
            await copy.OpenAsync(Ct);
            Assert.Equal(Latest, await copy.ExecuteScalarAsync<int>("SELECT MAX(version) FROM schema_version"));
            Assert.Equal(41, await copy.ExecuteScalarAsync<int>("SELECT last_value FROM id_sequences"));
        }

        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Message.Contains(backup, StringComparison.Ordinal));
        using var connection = db.OpenRaw();
        Assert.Equal(Latest + 1, await connection.ExecuteScalarAsync<int>("SELECT MAX(version) FROM schema_version"));
        Assert.Equal(41, await connection.ExecuteScalarAsync<int>("SELECT last_value FROM id_sequences"));
    }

    [Fact]
    public async Task Only_the_last_three_pre_migration_backups_are_kept()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: true, Ct);
        var unrelated = Path.Combine(db.Folder, "incidentbot.db.bak-manual");
        await File.WriteAllTextAsync(unrelated, "mine", Ct);

        for (var steps = 1; steps <= 4; steps++)
        {
            db.Time.Advance(TimeSpan.FromDays(1));
            await db.Runner(WithSteps(steps)).RunAsync(Ct);
        }

        var kept = BackupFile.List(db.FilePath).Select(b => b.Version);
        Assert.Equal([Latest + 3, Latest + 2, Latest + 1], kept);
        Assert.True(File.Exists(unrelated));
    }

    [Fact]
    public async Task A_database_newer_than_the_code_is_refused_in_one_line_naming_the_backup_to_restore()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: true, Ct);
        await db.Runner(WithSteps(1)).RunAsync(Ct);
        db.Time.Advance(TimeSpan.FromDays(1));
        await db.Runner(WithSteps(2)).RunAsync(Ct);

        var refusal = await Assert.ThrowsAsync<StorageStartupException>(() => db.Runner().RunAsync(Ct));

        var newestReadable = BackupFile.List(db.FilePath).First(b => b.Version == Latest).Path;
        Assert.DoesNotContain('\n', refusal.Message);
        Assert.Contains($"schema version {Latest + 2}", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(newestReadable, refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain($".bak-v{Latest + 1}-", refusal.Message, StringComparison.Ordinal);
        using var connection = db.OpenRaw();
        Assert.Equal(Latest + 2, await connection.ExecuteScalarAsync<int>("SELECT MAX(version) FROM schema_version"));
    }

    [Fact]
    public async Task A_database_newer_than_the_code_without_a_usable_backup_is_refused_saying_so()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: false, Ct);
        await db.Runner(WithSteps(1)).RunAsync(Ct);

        var refusal = await Assert.ThrowsAsync<StorageStartupException>(() => db.Runner().RunAsync(Ct));

        Assert.Contains("no backup", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal.Message);
    }

    [Fact]
    public async Task Readiness_requires_the_current_schema()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: false, Ct);
        var store = db.Store();
        Assert.False(await store.IsReadyAsync(Ct));

        await db.Runner().RunAsync(Ct);
        Assert.True(await store.IsReadyAsync(Ct));

        await db.Runner(WithSteps(1)).RunAsync(Ct);
        Assert.False(await store.IsReadyAsync(Ct));
    }

    [Fact]
    public void The_embedded_migrations_are_numbered_from_one_without_gaps()
    {
        var versions = Migration.LoadEmbedded().Select(m => m.Version).ToList();

        Assert.NotEmpty(versions);
        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
    }

    /// <summary>The newest embedded schema version: the tests below add steps after it, as a later release would.</summary>
    private static int Latest => SqliteTestDatabase.Embedded.Max(m => m.Version);

    /// <summary>The embedded migrations plus <paramref name="steps"/> test steps after them.</summary>
    private static List<Migration> WithSteps(int steps) =>
    [
        .. SqliteTestDatabase.Embedded,
        .. Enumerable.Range(Latest + 1, steps).Select(v => new Migration(v, $"{v:D4}_step", $"CREATE TABLE step_{v} (x INTEGER)")),
    ];
}

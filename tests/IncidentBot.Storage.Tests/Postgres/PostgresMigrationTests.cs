using Dapper;
using IncidentBot.Storage.Migrations;
using IncidentBot.Testing.Postgres;
using Microsoft.Extensions.Logging.Testing;

namespace IncidentBot.Storage.Tests.Postgres;

public sealed class PostgresMigrationTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_PostgreSQL_schema_types_instants_ids_and_json_as_PostgreSQL_does()
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server, migrate: true, Ct);

        await using var connection = await db.OpenRawAsync(Ct);
        var types = (await connection.QueryAsync<(string Table, string Column, string Type)>(
                "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'"))
            .ToDictionary(c => $"{c.Table}.{c.Column}", c => c.Type);
        Assert.Equal("bigint", types["incidents.number"]);
        Assert.Equal("bigint", types["incidents.declared_at"]);
        Assert.Equal("bigint", types["timeline_entries.id"]);
        Assert.Equal("bigint", types["outbox.next_attempt_at"]);
        Assert.Equal("jsonb", types["outbox.intent"]);
        Assert.Equal("timestamp with time zone", types["schema_version.applied_at"]);
        Assert.Equal(db.Runner().LatestVersion, await connection.ExecuteScalarAsync<int>("SELECT MAX(version) FROM schema_version"));
    }

    [Fact]
    public async Task Both_engines_have_the_same_migration_versions()
    {
        var sqlite = Migration.LoadEmbedded().Select(m => m.Version);
        var postgres = PostgresTestDatabase.Embedded.Select(m => m.Version);

        Assert.Equal(sqlite, postgres);
        Assert.Equal(Migration.LoadEmbedded().Select(m => m.Name), PostgresTestDatabase.Embedded.Select(m => m.Name));
    }

    [Fact]
    public async Task Replicas_that_start_together_migrate_once_under_the_advisory_lock()
    {
        server.Require();
        await using var db = await PostgresTestDatabase.CreateAsync(server, migrate: false, Ct);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => db.Runner().RunAsync(Ct)));

        await using var connection = await db.OpenRawAsync(Ct);
        Assert.Equal(PostgresTestDatabase.Embedded.Count, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_version"));

        // pg_locks is the whole server's: other tests' databases hold advisory locks of their own at the same time.
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
    }

    [Fact]
    public async Task Migrating_an_existing_database_names_the_pg_dump_to_restore_from()
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server, migrate: true, Ct);
        var logger = new FakeLogger<MigrationRunner>();
        var latest = db.Runner().LatestVersion;

        await db.Runner(WithStep(latest + 1), logger).RunAsync(Ct);

        var line = Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Id == 2010);
        Assert.Contains("pg_dump --format=custom --host=127.0.0.1", line.Message, StringComparison.Ordinal);
        Assert.Contains("--dbname=incidentbot_test_", line.Message, StringComparison.Ordinal);
        Assert.Contains($"-v{latest}-", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_newer_than_the_code_is_refused_naming_pg_restore()
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server, migrate: true, Ct);
        var latest = db.Runner().LatestVersion;
        await db.Runner(WithStep(latest + 1)).RunAsync(Ct);

        var refusal = await Assert.ThrowsAsync<StorageStartupException>(() => db.Runner().RunAsync(Ct));

        Assert.Contains($"has schema version {latest + 1}, but this IncidentBot knows only up to version {latest}", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("pg_restore --clean --if-exists --host=127.0.0.1", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(".bak-v", refusal.Message, StringComparison.Ordinal);
    }

    private static List<Migration> WithStep(int version) =>
        [.. PostgresTestDatabase.Embedded, new Migration(version, $"{version:0000}_step", $"CREATE TABLE step_{version} (x integer)")];
}

using IncidentBot.Testing.Postgres;

namespace IncidentBot.Testing.Host;

/// <summary>
/// A fresh database on one of the two storage engines, for the end-to-end cases that run on both (DESIGN.md §8):
/// a SQLite file in the temp folder, or a database of its own on the assembly's PostgreSQL server (skipped on a
/// developer's machine without PostgreSQL, failed under CI).
/// </summary>
internal sealed class TestEngine : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly PostgresServer? _server;

    private TestEngine(string connectionString, PostgresServer? server)
    {
        ConnectionString = connectionString;
        _server = server;
    }

    public string ConnectionString { get; }

    /// <summary>A fresh database path under the temp folder; pass it to a second application to simulate a restart.</summary>
    public static string TempDatabase()
    {
        var directory = Path.Combine(Path.GetTempPath(), "incidentbot-tests");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $"{Guid.NewGuid():N}.db");
    }

    public static async Task<TestEngine> CreateAsync(string engine)
    {
        if (engine == Sqlite)
        {
            return new TestEngine($"Data Source={TempDatabase()}", null);
        }

        if (engine != Postgres)
        {
            throw new ArgumentOutOfRangeException(nameof(engine), engine, "sqlite or postgres");
        }

        var server = await TestContext.Current.GetFixture<PostgresServer>()
            ?? throw new InvalidOperationException("The PostgreSQL assembly fixture is not registered.");
        return new TestEngine(await server.CreateDatabaseAsync(TestContext.Current.CancellationToken), server);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DropDatabaseAsync(ConnectionString);
        }
    }
}

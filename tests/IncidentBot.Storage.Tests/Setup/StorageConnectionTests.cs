using IncidentBot.Storage.Database;

namespace IncidentBot.Storage.Tests.Setup;

/// <summary>The connection string alone chooses the engine (DESIGN.md §8).</summary>
public sealed class StorageConnectionTests
{
    private readonly StorageOptionsValidator _validator = new StorageOptionsValidator();

    [Theory]
    [InlineData("Host=db;Database=incidentbot;Username=bot;Password=x", true)]
    [InlineData("host=db", true)]
    [InlineData("postgres://bot:x@db/incidentbot", true)]
    [InlineData("postgresql://db", true)]
    [InlineData("Data Source=data/incidentbot.db", false)]
    [InlineData("Data Source=:memory:", false)]
    [InlineData("Data Sourcery=x.db", false)]
    public void The_connection_string_chooses_the_engine(string connectionString, bool postgres)
    {
        Assert.Equal(postgres, StorageConnection.IsPostgres(connectionString));
        Assert.Equal(postgres ? "PostgreSQL" : "SQLite", SqlDialect.For(StorageSetup.CreateDataSource(connectionString)).Name);
    }

    [Fact]
    public void A_postgres_url_becomes_npgsql_keywords_with_its_escapes_undone()
    {
        var builder = StorageConnection.ToNpgsql("postgres://incident%20bot:p%40ss%3Aword@db.internal:6432/incidents?sslmode=require&application_name=replica-1");

        Assert.Equal("db.internal", builder.Host);
        Assert.Equal(6432, builder.Port);
        Assert.Equal("incident bot", builder.Username);
        Assert.Equal("p@ss:word", builder.Password);
        Assert.Equal("incidents", builder.Database);
        Assert.Equal(Npgsql.SslMode.Require, builder.SslMode);
        Assert.Equal("replica-1", builder.ApplicationName);
    }

    [Fact]
    public void A_postgres_url_without_port_or_credentials_keeps_the_defaults()
    {
        var builder = StorageConnection.ToNpgsql("postgresql://db/incidentbot");

        Assert.Equal("db", builder.Host);
        Assert.Equal(5432, builder.Port);
        Assert.Null(builder.Username);
        Assert.Equal("incidentbot", builder.Database);
    }

    [Theory]
    [InlineData("Host=db;Database=incidentbot")]
    [InlineData("postgres://bot:x@db:5432/incidentbot")]
    public void A_postgres_connection_string_passes(string connectionString) =>
        Assert.True(_validator.Validate(null, new StorageOptions { ConnectionString = connectionString }).Succeeded);

    [Theory]
    [InlineData("Host=;Database=incidentbot", "names no PostgreSQL server")]
    [InlineData("Host=db;Frobnicate=3", "not a PostgreSQL connection string")]
    [InlineData("postgres://bot:x@db/incidentbot?nonsense=1", "not a PostgreSQL connection string")]
    [InlineData("postgres:///incidentbot", "not a PostgreSQL connection string")]
    public void A_bad_postgres_connection_string_is_refused_naming_the_key_and_the_form(string connectionString, string problem)
    {
        var result = _validator.Validate(null, new StorageOptions { ConnectionString = connectionString });

        Assert.True(result.Failed);
        Assert.StartsWith("Storage__ConnectionString ", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(problem, result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Host=", result.FailureMessage, StringComparison.Ordinal);
    }
}

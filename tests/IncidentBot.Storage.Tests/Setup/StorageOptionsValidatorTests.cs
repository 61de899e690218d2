namespace IncidentBot.Storage.Tests.Setup;

public sealed class StorageOptionsValidatorTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "incidentbot-storage-tests", Guid.NewGuid().ToString("N"));
    private readonly StorageOptionsValidator _validator = new();

    [Fact]
    public void The_default_is_a_file_under_data_in_the_working_directory()
    {
        Assert.Equal("Data Source=data/incidentbot.db", new StorageOptions().ConnectionString);
        Assert.Equal("Storage", StorageOptions.Section);
    }

    [Fact]
    public void A_usable_path_passes_and_its_folder_is_created()
    {
        var path = Path.Combine(_folder, "a", "b", "incidentbot.db");

        var result = _validator.Validate(null, new StorageOptions { ConnectionString = $"Data Source={path}" });

        Assert.True(result.Succeeded);
        Assert.True(Directory.Exists(Path.GetDirectoryName(path)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void An_in_memory_database_passes()
    {
        Assert.True(_validator.Validate(null, new StorageOptions { ConnectionString = "Data Source=bot;Mode=Memory;Cache=Shared" }).Succeeded);
    }

    [Theory]
    [InlineData("Data Sourcery=x.db", "not a SQLite connection string")]
    [InlineData("Mode=ReadWriteCreate", "names no database file")]
    public void A_malformed_connection_string_is_refused_naming_the_key_and_the_form(string connectionString, string problem)
    {
        var result = _validator.Validate(null, new StorageOptions { ConnectionString = connectionString });

        Assert.True(result.Failed);
        Assert.StartsWith("Storage__ConnectionString ", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(problem, result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Data Source=data/incidentbot.db", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_in_place_of_the_database_file_is_refused()
    {
        Directory.CreateDirectory(_folder);

        var result = _validator.Validate(null, new StorageOptions { ConnectionString = $"Data Source={_folder}" });

        Assert.True(result.Failed);
        Assert.Contains("it is a folder", result.FailureMessage, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

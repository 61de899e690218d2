using IncidentBot.Storage.Database;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace IncidentBot.Storage;

/// <summary>
/// Checks at start-up that the database path can be used, creating its folder, or that a PostgreSQL connection
/// string names a server: an unusable setting must stop the bot with one line naming the key and the fix
/// (DESIGN.md §4), not fail at the first command.
/// </summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Key = "Storage__ConnectionString";
    private const string Example = "\"Data Source=data/incidentbot.db\"";
    private const string PostgresExample = "\"Host=db.internal;Database=incidentbot;Username=incidentbot;Password=…\"";

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (StorageConnection.IsPostgres(options.ConnectionString))
        {
            return ValidatePostgres(options.ConnectionString);
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return ValidateOptionsResult.Fail($"{Key} is not a SQLite connection string ({e.Message}). Set it like {Example}.");
        }

        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is ":memory:")
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            return ValidateOptionsResult.Fail($"{Key} names no database file. Set it like {Example}.");
        }

        var path = Path.GetFullPath(builder.DataSource);
        return Probe(path) is { } problem
            ? ValidateOptionsResult.Fail($"{Key} points at {path}, which cannot be used: {problem} Point {Key} at a writable file, e.g. {Example}, or fix the folder's permissions.")
            : ValidateOptionsResult.Success;
    }

    private static ValidateOptionsResult ValidatePostgres(string connectionString)
    {
        try
        {
            var builder = StorageConnection.ToNpgsql(connectionString);
            return string.IsNullOrWhiteSpace(builder.Host)
                ? ValidateOptionsResult.Fail($"{Key} names no PostgreSQL server (Host is empty). Set it like {PostgresExample}.")
                : ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or UriFormatException)
        {
            return ValidateOptionsResult.Fail($"{Key} is not a PostgreSQL connection string ({e.Message}). Set it like {PostgresExample} or postgres://user:password@host:5432/database.");
        }
    }

    /// <summary>Why the database file cannot be created or written, or null when it can.</summary>
    private static string? Probe(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                return "it is a folder.";
            }

            var folder = Path.GetDirectoryName(path)!;
            Directory.CreateDirectory(folder);
            if (File.Exists(path))
            {
                using (File.Open(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
                {
                    return null;
                }
            }

            var probe = Path.Combine(folder, $".incidentbot-probe-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return e.Message.TrimEnd('.') + ".";
        }
    }
}

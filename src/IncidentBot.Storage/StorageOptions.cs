namespace IncidentBot.Storage;

/// <summary>Configuration section <c>Storage</c> (environment: <c>Storage__ConnectionString</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>A SQLite connection string; a relative path is relative to the working directory.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/incidentbot.db";
}

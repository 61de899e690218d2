namespace IncidentBot.Storage;

/// <summary>Configuration section <c>Storage</c> (environment: <c>Storage__ConnectionString</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// SQLite (<c>Data Source=…</c>; a relative path is relative to the working directory), or PostgreSQL
    /// (<c>Host=…;Database=…;Username=…;Password=…</c> or <c>postgres://user:password@host/database</c>),
    /// which several replicas can share.
    /// </summary>
    public string ConnectionString { get; set; } = "Data Source=data/incidentbot.db";
}

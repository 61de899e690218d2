using System.Data.Common;

namespace IncidentBot.Storage.Database;

/// <summary>Where an open connection's database lives on disk.</summary>
internal static class DatabaseFile
{
    /// <summary>The full path of the main database file, or null for an in-memory database.</summary>
    public static string? PathOf(DbConnection connection) =>
        string.IsNullOrEmpty(connection.DataSource) ? null : Path.GetFullPath(connection.DataSource);
}

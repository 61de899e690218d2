using Npgsql;

namespace IncidentBot.Storage.Database;

/// <summary>
/// Which engine a connection string names (DESIGN.md §8): a <c>postgres://</c> or <c>postgresql://</c> URL, or
/// a keyword string with <c>Host</c>, is PostgreSQL; anything else is SQLite, the embedded default.
/// </summary>
internal static class StorageConnection
{
    private static readonly string[] UrlSchemes = ["postgres://", "postgresql://"];

    public static bool IsPostgres(string connectionString)
    {
        if (UrlSchemes.Any(s => connectionString.TrimStart().StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        // By key, not by parsing: "Host=" with no value is still meant for PostgreSQL, and the validator says what is missing.
        return connectionString.Split(';').Any(part =>
            part.Split('=', 2)[0].Trim().Equals("Host", StringComparison.OrdinalIgnoreCase) && part.Contains('=', StringComparison.Ordinal));
    }

    /// <summary>
    /// The Npgsql keyword form of a PostgreSQL connection string; a URL
    /// (<c>postgres://user:password@host:5432/database?sslmode=require</c>, libpq's form,
    /// https://www.postgresql.org/docs/15/libpq-connect.html#LIBPQ-CONNSTRING) is translated, since Npgsql reads
    /// keywords only. Throws <see cref="ArgumentException"/> for what is neither.
    /// </summary>
    public static NpgsqlConnectionStringBuilder ToNpgsql(string connectionString)
    {
        var trimmed = connectionString.Trim();
        if (!UrlSchemes.Any(s => trimmed.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var url) || string.IsNullOrEmpty(url.Host))
        {
            throw new ArgumentException("the URL names no host (write postgres://user:password@host:5432/database)");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = url.Host };
        if (!url.IsDefaultPort && url.Port > 0)
        {
            builder.Port = url.Port;
        }

        if (url.UserInfo.Length > 0)
        {
            var colon = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? url.UserInfo : url.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(url.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);

            // libpq's names for the two options URLs carry most; anything else must be an Npgsql keyword.
            builder[key.ToLowerInvariant() switch
            {
                "sslmode" => "SSL Mode",
                "connect_timeout" => "Timeout",
                "application_name" => "Application Name",
                _ => key,
            }] = value;
        }

        return builder;
    }
}

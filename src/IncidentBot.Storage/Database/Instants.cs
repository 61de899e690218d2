namespace IncidentBot.Storage.Database;

/// <summary>
/// Instants are stored as Unix milliseconds: portable across SQLite and PostgreSQL, sortable, and free of
/// the Dapper/SQLite <see cref="DateTimeOffset"/> parsing trap (reference/dotnet-style.md §2.4). Sub-millisecond
/// precision is dropped; every instant reads back in UTC.
/// </summary>
internal static class Instants
{
    public static long ToMs(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public static long? ToMs(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset? FromMs(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
}

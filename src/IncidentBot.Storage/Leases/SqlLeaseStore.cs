using Dapper;
using IncidentBot.Core.Leases;
using IncidentBot.Storage.Database;

namespace IncidentBot.Storage.Leases;

/// <summary>
/// Leases in the <c>leases</c> table of a database several replicas share (PostgreSQL). Taking one is one upsert
/// that only wins over an expired or own row, so two replicas asking at once get one grant between them.
/// </summary>
internal sealed class SqlLeaseStore(StorageDatabase database) : ILeaseStore
{
    private const string Acquire = """
        INSERT INTO leases (name, owner, expires_at, state) VALUES (@Name, @Owner, @Until, NULL)
        ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
        WHERE leases.owner = excluded.owner OR leases.expires_at <= @Now
        RETURNING state
        """;

    private const string Renew = """
        UPDATE leases SET expires_at = @Until, state = COALESCE(@State, state)
        WHERE name = @Name AND owner = @Owner
        """;

    private const string Release = "UPDATE leases SET expires_at = 0, state = @State WHERE name = @Name AND owner = @Owner";

    public async Task<LeaseGrant?> TryAcquireAsync(string name, string owner, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await database.WriteAsync(async () => (await connection.QueryAsync<string?>(new CommandDefinition(
            Acquire,
            new { Name = name, Owner = owner, Now = Instants.ToMs(now), Until = Instants.ToMs(now + duration) },
            cancellationToken: cancellationToken))).AsList());
        return rows.Count == 0 ? null : new LeaseGrant(rows[0]);
    }

    public async Task<bool> RenewAsync(string name, string owner, DateTimeOffset now, TimeSpan duration, string? state, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await database.WriteAsync(() => connection.ExecuteAsync(new CommandDefinition(
            Renew,
            new { Name = name, Owner = owner, Now = Instants.ToMs(now), Until = Instants.ToMs(now + duration), State = state },
            cancellationToken: cancellationToken))) == 1;
    }

    public async Task ReleaseAsync(string name, string owner, string? state, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await database.WriteAsync(() => connection.ExecuteAsync(new CommandDefinition(
            Release, new { Name = name, Owner = owner, State = state }, cancellationToken: cancellationToken)));
    }
}

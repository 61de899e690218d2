using System.Data.Common;
using Dapper;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Storage.Incidents;

/// <summary>Action items, in the order they were added.</summary>
internal static class ActionItemSql
{
    public static async Task<IReadOnlyList<ActionItem>> ForIncidentAsync(
        DbConnection connection, DbTransaction? transaction, IncidentId id, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ActionItemRow>(new CommandDefinition(
            """
            SELECT id AS Id, incident_number AS IncidentNumber, text AS Text, owner_id AS OwnerId, owner_name AS OwnerName,
                   due AS Due, done AS Done, created_at AS CreatedAt
            FROM action_items WHERE incident_number = @Number ORDER BY id
            """, new { id.Number }, transaction, cancellationToken: cancellationToken)))
        .Select(r => r.ToItem())
        .ToList();

    public static Task<long> AddAsync(DbConnection connection, DbTransaction transaction, ActionItem item, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO action_items (incident_number, text, owner_id, owner_name, due, done, created_at)
            VALUES (@IncidentNumber, @Text, @OwnerId, @OwnerName, @Due, @Done, @CreatedAt)
            RETURNING id
            """, ActionItemRow.From(item), transaction, cancellationToken: cancellationToken));
}

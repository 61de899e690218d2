namespace IncidentBot.Storage.Copying;

/// <summary>
/// The tables <see cref="DatabaseCopy"/> carries from SQLite to PostgreSQL, parents before children, and the ones it
/// leaves behind. Every table of either engine's schema is in exactly one of the two lists: the copy refuses a
/// database with a table in neither (a migration that added one must say here what becomes of it), and
/// <c>CopiedTablesTests</c> fails the build's tests until it does.
/// </summary>
internal static class CopiedTables
{
    /// <summary>
    /// In dependency order. Foreign keys are checked at commit (DEFERRABLE INITIALLY DEFERRED), so the order is not
    /// needed for the copy to succeed; it keeps a failure's table name meaningful (the first table whose rows are wrong).
    /// </summary>
    public static IReadOnlyList<string> InOrder { get; } =
    [
        // The incident number sequence (INC-n): copied, so the next incident declared after the copy continues it.
        "id_sequences",
        "incidents",
        "incident_responders",
        "timeline_entries",
        "timeline_revisions",
        "action_items",
        "postmortems",
        "audit_entries",

        // Pending messages included: the replicas deliver what the SQLite process had not yet sent.
        "outbox",

        // Kept so that a platform's late re-delivery of something the SQLite process recorded is still a duplicate.
        "inbound_keys",
        "alert_groups",
        "pagerduty_links",
    ];

    /// <summary>
    /// <c>schema_version</c>: the target's own, written by its migrations. <c>leases</c>: PostgreSQL only; a SQLite
    /// process holds its leases in memory, and a replica takes fresh ones.
    /// </summary>
    public static IReadOnlyList<string> NotCopied { get; } = ["schema_version", "leases"];

    /// <summary>
    /// Outbox claims of the SQLite process, which is stopped: released, so a replica claims those messages at once
    /// (as the SQLite process itself would after a restart, DESIGN.md §7) rather than after their leases run out.
    /// </summary>
    public const string ReleaseClaims =
        "UPDATE outbox SET lease_owner = NULL, lease_expires_at = NULL WHERE lease_owner IS NOT NULL OR lease_expires_at IS NOT NULL";

    /// <summary>The tables of <paramref name="tables"/> that neither list names.</summary>
    public static IReadOnlyList<string> Unknown(IEnumerable<string> tables) =>
        [.. tables.Where(t => !InOrder.Contains(t, StringComparer.Ordinal) && !NotCopied.Contains(t, StringComparer.Ordinal)).Order(StringComparer.Ordinal)];
}

namespace IncidentBot.Storage.Outbox;

/// <summary>
/// When a claimed outbox row still holds its lane: the one part of the outbox SQL that is SQLite's own. SQLite serves
/// one process (DESIGN.md §8 puts replicas on PostgreSQL), so only this process's claims are live: a claim left by a
/// process that died (kill -9 mid-call) is void at once, and the restarted bot retries the message, as a retry,
/// without waiting out <c>lease_expires_at</c>. A database shared by replicas instead takes a claim as live until it
/// expires (<c>lease_expires_at &gt; @Now</c>, with <c>FOR UPDATE SKIP LOCKED</c> on the claim).
/// </summary>
internal static class OutboxLease
{
    public const string HeldO = "(o.lease_owner IS NOT NULL AND o.lease_owner = @Owner)";

    public const string HeldG = "(g.lease_owner IS NOT NULL AND g.lease_owner = @Owner)";
}

namespace IncidentBot.Core.Persistence;

/// <summary>
/// A request to claim lane heads (DESIGN.md §7): up to <paramref name="Limit"/> heads of thread and status-doc
/// lanes and up to <paramref name="ReplyLimit"/> replies, each held for <paramref name="Owner"/> until
/// <paramref name="LeaseUntil"/>. Replies have their own budget so that slow reply handles never take the slots a
/// reminder needs.
/// </summary>
public sealed record OutboxClaim(DateTimeOffset Now, string Owner, DateTimeOffset LeaseUntil, int Limit, int ReplyLimit);

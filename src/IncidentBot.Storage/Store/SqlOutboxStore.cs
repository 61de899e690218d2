using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;
using IncidentBot.Storage.Database;
using IncidentBot.Storage.Outbox;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Storage.Store;

/// <summary>
/// The outbox dispatcher's port (DESIGN.md §7): one write claims lane heads and records their attempts, one write
/// records each outcome, each on a kept writer connection whose statements stay prepared (a claim's text is long,
/// and parsing and planning it again each pass cost more than running it). Every write commits on its own, so a
/// "disk full" surfaces as
/// <see cref="StorageFullException"/> before the platform is called (the claim) or after (the outcome), never as a
/// half-written outcome: a root id and its message's state are written in one transaction.
/// </summary>
internal sealed class SqlOutboxStore(StorageDatabase database, OutboxJson json, ILogger<SqlOutboxStore> logger) : IOutboxStore
{
    // The dispatchers of this process that claimed on a shared database, whose leases OutboxLeaseRenewer renews.
    private readonly ConcurrentDictionary<string, bool> _owners = new(StringComparer.Ordinal);
    private readonly string _claim = OutboxSql.Claim(database.Dialect);
    private readonly string _nextDue = OutboxSql.NextDue(database.Dialect);

    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(OutboxClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var leaseUntil = claim.LeaseUntil;
        if (database.Dialect.ClaimLease is { } lease)
        {
            // On a shared database a lease is short and renewed while its holder lives (DESIGN.md §8).
            _owners.TryAdd(claim.Owner, true);
            leaseUntil = claim.Now + lease < leaseUntil ? claim.Now + lease : leaseUntil;
        }

        var rows = await WriteAsync(s => s.QueryAsync<OutboxRow>(
            _claim,
            cancellationToken,
            ("@Now", Instants.ToMs(claim.Now)),
            ("@Owner", claim.Owner),
            ("@LeaseUntil", Instants.ToMs(leaseUntil)),
            ("@Limit", claim.Limit),
            ("@ReplyLimit", claim.ReplyLimit)), cancellationToken);
        var messages = new List<OutboxMessage>(rows.Count);
        foreach (var row in rows.OrderBy(r => r.Id))
        {
            OutboundIntent intent;
            try
            {
                intent = json.Deserialize(row.Intent);
            }
            catch (JsonException e)
            {
                // A row no build can read would block its lane forever: park it as failed, loudly.
                StorageLog.OutboxUnreadable(logger, row.Id, new IncidentId(row.IncidentNumber).ToString(), e.Message);
                await MarkFailedAsync(row.Id, claim.Now, "unreadable intent: " + e.Message, cancellationToken);
                continue;
            }

            messages.Add(new OutboxMessage(
                row.Id,
                new IncidentId(row.IncidentNumber),
                intent,
                Instants.FromMs(row.CreatedAt),
                checked((int)row.Attempts),
                Instants.FromMs(row.NextAttemptAt),
                row.LastError,
                row.TraceParent));
        }

        return messages;
    }

    public async Task<DateTimeOffset?> GetNextDueAsync(DateTimeOffset now, string owner, CancellationToken cancellationToken)
    {
        var due = await database.Readers.UseAsync(lent => database.RunAsync(() => lent.Statements.Bind(
            _nextDue, ("@Now", Instants.ToMs(now)), ("@Owner", owner)).ExecuteScalarAsync(cancellationToken)), cancellationToken);
        return due is null or DBNull ? null : Instants.FromMs(Convert.ToInt64(due, CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Pushes the leases this process holds forward to <paramref name="now"/> plus the engine's claim lease; a no-op
    /// where claims need no renewal. Returns how many claims were renewed.
    /// </summary>
    public async Task<int> RenewLeasesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (database.Dialect.ClaimLease is not { } lease || _owners.IsEmpty)
        {
            return 0;
        }

        var renewed = 0;
        foreach (var owner in _owners.Keys)
        {
            renewed += await ExecuteAsync(
                OutboxSql.Renew, cancellationToken, ("@Owner", owner), ("@Now", Instants.ToMs(now)), ("@LeaseUntil", Instants.ToMs(now + lease)));
        }

        return renewed;
    }

    public Task MarkDeliveredAsync(long messageId, DateTimeOffset at, CancellationToken cancellationToken) =>
        FinishAsync(messageId, OutboxKind.Delivered, at, null, cancellationToken);

    public Task MarkRootPostedAsync(long messageId, IncidentId id, string rootMessageId, DateTimeOffset at, CancellationToken cancellationToken) =>
        SetFieldAndFinishAsync(OutboxSql.SetRoot, messageId, id, rootMessageId, at, cancellationToken);

    public Task MarkThreadOpenedAsync(long messageId, IncidentId id, string threadId, DateTimeOffset at, CancellationToken cancellationToken) =>
        SetFieldAndFinishAsync(OutboxSql.SetThread, messageId, id, threadId, at, cancellationToken);

    public Task MarkEditsDeliveredAsync(IncidentId id, long upToId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync(OutboxSql.FinishEdits, cancellationToken, ("@Number", id.Number), ("@UpToId", upToId), ("@At", Instants.ToMs(at)));

    public Task RescheduleAsync(long messageId, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync(OutboxSql.Reschedule, cancellationToken, ("@Id", messageId), ("@NextAttemptAt", Instants.ToMs(nextAttemptAt)), ("@Reason", reason));

    public Task ReleaseAsync(long messageId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        ExecuteAsync(OutboxSql.Release, cancellationToken, ("@Id", messageId), ("@NextAttemptAt", Instants.ToMs(nextAttemptAt)));

    public Task MarkFailedAsync(long messageId, DateTimeOffset at, string reason, CancellationToken cancellationToken) =>
        FinishAsync(messageId, OutboxKind.Failed, at, reason, cancellationToken);

    private Task<int> FinishAsync(long messageId, string state, DateTimeOffset at, string? reason, CancellationToken cancellationToken) =>
        ExecuteAsync(OutboxSql.Finish, cancellationToken, ("@Id", messageId), ("@State", state), ("@At", Instants.ToMs(at)), ("@Reason", reason));

    private Task<bool> SetFieldAndFinishAsync(string setField, long messageId, IncidentId id, string value, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(async (s, connection) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            s.Transaction = transaction;
            try
            {
                await s.ExecuteAsync(setField, cancellationToken, ("@Number", id.Number), ("@Value", value));
                await s.ExecuteAsync(OutboxSql.Finish, cancellationToken,
                    ("@Id", messageId), ("@State", OutboxKind.Delivered), ("@At", Instants.ToMs(at)), ("@Reason", null));
                await transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                // In the write turn, as a unit of work does (see CommittedIncidents).
                database.Committed?.Changed(id.Number);
            }

            return true;
        }, cancellationToken);

    private Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] values) =>
        WriteAsync(s => s.ExecuteAsync(sql, cancellationToken, values), cancellationToken);

    private Task<T> WriteAsync<T>(Func<Statements, Task<T>> write, CancellationToken cancellationToken) =>
        WriteAsync((s, _) => write(s), cancellationToken);

    /// <summary>
    /// Maps "disk full" but does not clear the full state on success: these writes mostly rewrite rows in place, which
    /// SQLite can do on a full disk, so they prove nothing about room for the next command (readiness asks for that).
    /// </summary>
    private Task<T> WriteAsync<T>(Func<Statements, DbConnection, Task<T>> write, CancellationToken cancellationToken) =>
        database.StatementWriteAsync(
            () => database.Writers.UseAsync(lent => write(lent.Statements, lent.Connection), cancellationToken), cancellationToken);
}

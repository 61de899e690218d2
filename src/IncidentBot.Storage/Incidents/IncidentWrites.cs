using System.Data.Common;
using System.Text;
using Dapper;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Storage.Incidents;

/// <summary>
/// Saving an incident already read in this transaction: only the columns that changed are written, and joining
/// responders are appended, so a note (which changes no column) costs no statement on <c>incidents</c> at all.
/// </summary>
internal static class IncidentWrites
{
    /// <summary>Every column a use case may change, with its parameter and how to read it from a row.</summary>
    private static readonly (string Column, string Parameter, Func<IncidentRow, object?> Value)[] Columns =
    [
        ("channel_id", nameof(IncidentRow.ChannelId), r => r.ChannelId),
        ("root_message_id", nameof(IncidentRow.RootMessageId), r => r.RootMessageId),
        ("thread_id", nameof(IncidentRow.ThreadId), r => r.ThreadId),
        ("title", nameof(IncidentRow.Title), r => r.Title),
        ("severity", nameof(IncidentRow.Severity), r => r.Severity),
        ("status", nameof(IncidentRow.Status), r => r.Status),
        ("commander_id", nameof(IncidentRow.CommanderId), r => r.CommanderId),
        ("commander_name", nameof(IncidentRow.CommanderName), r => r.CommanderName),
        ("declared_by_id", nameof(IncidentRow.DeclaredById), r => r.DeclaredById),
        ("declared_by_name", nameof(IncidentRow.DeclaredByName), r => r.DeclaredByName),
        ("declared_at", nameof(IncidentRow.DeclaredAt), r => r.DeclaredAt),
        ("acknowledged_at", nameof(IncidentRow.AcknowledgedAt), r => r.AcknowledgedAt),
        ("acknowledged_by_id", nameof(IncidentRow.AcknowledgedById), r => r.AcknowledgedById),
        ("acknowledged_by_name", nameof(IncidentRow.AcknowledgedByName), r => r.AcknowledgedByName),
        ("resolved_at", nameof(IncidentRow.ResolvedAt), r => r.ResolvedAt),
        ("closed_at", nameof(IncidentRow.ClosedAt), r => r.ClosedAt),
        ("reopened_at", nameof(IncidentRow.ReopenedAt), r => r.ReopenedAt),
        ("summary", nameof(IncidentRow.Summary), r => r.Summary),
        ("impact", nameof(IncidentRow.Impact), r => r.Impact),
        ("last_update_at", nameof(IncidentRow.LastUpdateAt), r => r.LastUpdateAt),
        ("last_update_text", nameof(IncidentRow.LastUpdateText), r => r.LastUpdateText),
        ("last_ack_reminder_at", nameof(IncidentRow.LastAckReminderAt), r => r.LastAckReminderAt),
        ("last_update_reminder_at", nameof(IncidentRow.LastUpdateReminderAt), r => r.LastUpdateReminderAt),
        ("monitoring_reminder_sent", nameof(IncidentRow.MonitoringReminderSent), r => r.MonitoringReminderSent),
        ("postmortem_reminders_sent", nameof(IncidentRow.PostmortemRemindersSent), r => r.PostmortemRemindersSent),
        ("postmortem_done_at", nameof(IncidentRow.PostmortemDoneAt), r => r.PostmortemDoneAt),
        ("postmortem_link", nameof(IncidentRow.PostmortemLink), r => r.PostmortemLink),
        ("next_reminder_at", nameof(IncidentRow.NextReminderAt), r => r.NextReminderAt),
    ];

    public static async Task UpdateChangedAsync(
        DbConnection connection, DbTransaction transaction, Incident before, Incident after, CancellationToken cancellationToken)
    {
        if (before.Workspace != after.Workspace)
        {
            throw new InvalidOperationException($"{after.Id} belongs to another workspace than {after.Workspace}; it was not saved.");
        }

        var (old, now) = (IncidentRow.From(before), IncidentRow.From(after));
        var sql = new StringBuilder();
        var parameters = new DynamicParameters();
        foreach (var (column, parameter, value) in Columns)
        {
            var next = value(now);
            // Root and thread ids are written once by the dispatcher and never cleared: a copy read before they
            // were set must not erase them (the same rule as IncidentSql's upsert).
            if (Equals(value(old), next) || (next is null && column is "root_message_id" or "thread_id"))
            {
                continue;
            }

            sql.Append(sql.Length == 0 ? "UPDATE incidents SET " : ", ").Append(column).Append(" = @").Append(parameter);
            parameters.Add(parameter, next);
        }

        if (sql.Length > 0)
        {
            parameters.Add(nameof(IncidentRow.Number), now.Number);
            sql.Append(" WHERE number = @Number");
            await connection.ExecuteAsync(new CommandDefinition(sql.ToString(), parameters, transaction, cancellationToken: cancellationToken));
        }

        await SaveRespondersAsync(connection, transaction, before, after, cancellationToken);
    }

    private static async Task SaveRespondersAsync(
        DbConnection connection, DbTransaction transaction, Incident before, Incident after, CancellationToken cancellationToken)
    {
        if (before.Responders.SequenceEqual(after.Responders))
        {
            return;
        }

        var number = after.Id.Number;
        var kept = before.Responders.Count <= after.Responders.Count && before.Responders.SequenceEqual(after.Responders.Take(before.Responders.Count))
            ? before.Responders.Count
            : 0;
        if (kept == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM incident_responders WHERE incident_number = @Number", new { Number = number }, transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO incident_responders (incident_number, position, user_id, user_name) VALUES (@IncidentNumber, @Position, @UserId, @UserName)",
            after.Responders.Skip(kept).Select((r, i) => new ResponderRow { IncidentNumber = number, Position = kept + i, UserId = r.Id, UserName = r.Name }),
            transaction,
            cancellationToken: cancellationToken));
    }
}

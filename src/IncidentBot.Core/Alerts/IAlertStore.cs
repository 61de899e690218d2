namespace IncidentBot.Core.Alerts;

/// <summary>The storage port of the alert intake, and the bookkeeping of the "declare?" notices' delivery.</summary>
public interface IAlertStore
{
    Task<IAlertUnitOfWork> BeginAsync(CancellationToken cancellationToken);

    /// <summary>Notices still to post whose retry time has come, oldest first.</summary>
    Task<IReadOnlyList<AlertNotice>> GetDueNoticesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>When the next waiting notice may be tried, if any waits.</summary>
    Task<DateTimeOffset?> GetNextNoticeAttemptAsync(CancellationToken cancellationToken);

    /// <summary>Counts the attempt before the call (DESIGN.md §7), so a crash mid-call is known for a retry.</summary>
    Task RecordNoticeAttemptAsync(long id, DateTimeOffset nextAttemptAt, string? reason, CancellationToken cancellationToken);

    Task MarkNoticePostedAsync(long id, string messageId, CancellationToken cancellationToken);

    Task MarkNoticeFailedAsync(long id, string reason, CancellationToken cancellationToken);
}

/// <summary>A "declare?" notice waiting to be posted; <see cref="Attempts"/> counts earlier tries.</summary>
public sealed record AlertNotice(AlertGroupLink Group, int Attempts);

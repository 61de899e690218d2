using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;

namespace IncidentBot.Core.Alerts;

/// <summary>
/// The incident unit of work plus the alert links, in the same transaction: an alert's incident, its group link and
/// its outbox rows commit together, or not at all.
/// </summary>
public interface IAlertUnitOfWork : IIncidentUnitOfWork
{
    /// <summary>The newest link of the group in the workspace, if the bot has seen the group.</summary>
    Task<AlertGroupLink?> FindAlertGroupAsync(WorkspaceId workspace, string source, string groupKey, CancellationToken cancellationToken);

    Task<AlertGroupLink?> GetAlertGroupAsync(WorkspaceId workspace, long id, CancellationToken cancellationToken);

    /// <summary>Inserts (<see cref="AlertGroupLink.Id"/> 0) or updates; returns the id.</summary>
    Task<long> SaveAlertGroupAsync(AlertGroupLink link, CancellationToken cancellationToken);

    Task<PagerDutyLink?> FindPagerDutyLinkAsync(string pagerDutyId, CancellationToken cancellationToken);

    Task<PagerDutyLink?> GetPagerDutyLinkAsync(IncidentId id, CancellationToken cancellationToken);

    Task SavePagerDutyLinkAsync(PagerDutyLink link, CancellationToken cancellationToken);
}

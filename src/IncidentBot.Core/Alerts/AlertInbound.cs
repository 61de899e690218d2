using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Alerts;

/// <summary>
/// An alerting input (DESIGN.md §9). The context's workspace and channel are where the alert's incident lives, its
/// user is the sending system, and its key is the notification's natural key (group + status + fingerprints).
/// </summary>
public sealed record AlertGroupReceived(InboundContext Context, AlertGroup Group) : InboundEvent(Context);

/// <summary>A PagerDuty webhook event; the key is its <c>event.id</c>.</summary>
public sealed record PageEventReceived(InboundContext Context, PageEvent Page) : InboundEvent(Context);

/// <summary>The Declare button under a "declare?" notice was pressed.</summary>
public sealed record AlertDeclareClicked(InboundContext Context, long NoticeId) : InboundEvent(Context);

/// <summary>The systems that send alerts, as the author of what they caused.</summary>
public static class AlertSenders
{
    public static UserRef Alertmanager { get; } = new("alertmanager", "Alertmanager");

    public static UserRef Grafana { get; } = new("grafana", "Grafana");

    public static UserRef PagerDuty { get; } = new("pagerduty", "PagerDuty");

    public static UserRef For(string source) => source == "grafana" ? Grafana : Alertmanager;

    /// <summary>
    /// Whether the user is a sending system (or a PagerDuty user acting there), not a person in chat: nobody to
    /// mention, and no commander once a person steps in.
    /// </summary>
    public static bool IsSender(UserRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Id is "alertmanager" or "grafana" or "pagerduty" || user.Id.StartsWith("pagerduty:", StringComparison.Ordinal);
    }
}

using IncidentBot.Core.Handling;
using IncidentBot.Core.Inbound;

namespace IncidentBot.Core.Alerts;

/// <summary>Sends alerting inputs to <see cref="AlertService"/> and everything else to <see cref="IncidentService"/>.</summary>
public sealed class AlertInboundRouter(IncidentService incidents, AlertService alerts) : IInboundHandler
{
    public Task<InboundOutcome> HandleAsync(InboundEvent inbound, CancellationToken cancellationToken) =>
        AlertService.Handles(inbound) ? alerts.HandleAsync(inbound, cancellationToken) : incidents.HandleAsync(inbound, cancellationToken);
}

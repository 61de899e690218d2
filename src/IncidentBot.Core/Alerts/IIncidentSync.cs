using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Core.Alerts;

/// <summary>
/// An outside system the outbox keeps in step with an incident (PagerDuty), beside the chat platform. The dispatcher
/// hands it the intents it <see cref="Accepts"/>; failures as for <see cref="IChatPlatform"/>: unavailable is retried
/// (honouring its wait), rejected is final.
/// </summary>
public interface IIncidentSync
{
    bool Accepts(OutboundIntent intent);

    Task SendAsync(Incident incident, OutboundIntent intent, Delivery delivery, CancellationToken cancellationToken);
}

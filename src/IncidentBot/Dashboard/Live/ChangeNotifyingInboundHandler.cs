using IncidentBot.Core.Inbound;

namespace IncidentBot.Dashboard.Live;

/// <summary>
/// Wraps the host's <see cref="IInboundHandler"/>: once an input is accepted (committed), the incident's open pages hear of it.
/// </summary>
internal sealed class ChangeNotifyingInboundHandler(IInboundHandler inner, IncidentChanges changes) : IInboundHandler
{
    public async Task<InboundOutcome> HandleAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        var outcome = await inner.HandleAsync(inbound, cancellationToken);
        if (outcome.Result == InboundResult.Accepted && outcome.IncidentId is { } id)
        {
            changes.Publish(id);
        }

        return outcome;
    }
}

using IncidentBot.Core.Inbound;
using IncidentBot.Hosting;

namespace IncidentBot.Dashboard.Live;

/// <summary>
/// Wraps the host's <see cref="IInboundHandler"/>: once an input is accepted (committed), the change observers hear of it: this replica's open pages, and the other replicas.
/// </summary>
internal sealed class ChangeNotifyingInboundHandler(IInboundHandler inner, IEnumerable<IIncidentChangeObserver> observers) : IInboundHandler
{
    public async Task<InboundOutcome> HandleAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        var outcome = await inner.HandleAsync(inbound, cancellationToken);
        if (outcome.Result == InboundResult.Accepted && outcome.IncidentId is { } id)
        {
            foreach (var observer in observers)
            {
                observer.Changed(id);
            }
        }

        return outcome;
    }
}

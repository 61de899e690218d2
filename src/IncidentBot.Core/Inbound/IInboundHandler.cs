namespace IncidentBot.Core.Inbound;

/// <summary>The entry point front ends call with each authenticated, mapped input.</summary>
public interface IInboundHandler
{
    Task<InboundOutcome> HandleAsync(InboundEvent inbound, CancellationToken cancellationToken);
}

using IncidentBot.Core.Handling;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Hosting;

namespace IncidentBot.Inbound;

/// <summary>
/// The <see cref="IInboundHandler"/> front ends call: Core's use cases, then a wake-up for the outbox and the
/// reminder loop once the change is committed, so the bot speaks at once and clocks re-plan at once.
/// </summary>
internal sealed partial class SignallingInboundHandler(IncidentService service, WorkSignals signals, ILogger<SignallingInboundHandler> logger)
    : IInboundHandler
{
    public async Task<InboundOutcome> HandleAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        var outcome = await service.HandleAsync(inbound, cancellationToken);
        if (outcome.Result == InboundResult.Accepted)
        {
            signals.Outbox.Signal();
            signals.Reminders.Signal();
        }

        LogHandled(logger, inbound.GetType(), inbound.Context.Workspace, outcome.IncidentId, outcome.Result);
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Inbound} from {Workspace} for {IncidentId}: {Result}")]
    private static partial void LogHandled(ILogger logger, Type inbound, WorkspaceId workspace, IncidentId? incidentId, InboundResult result);
}

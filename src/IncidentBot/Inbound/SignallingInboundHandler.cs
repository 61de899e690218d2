using IncidentBot.Core.Handling;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;
using IncidentBot.Metrics;

namespace IncidentBot.Inbound;

/// <summary>
/// The <see cref="IInboundHandler"/> front ends call: Core's use cases, a clear answer when the disk is full, and the
/// acknowledgement-latency histogram fed from the outcome itself. The loops are woken once per committed group by
/// <see cref="LoopWakingCommitListener"/>, not once per input.
/// </summary>
internal sealed partial class SignallingInboundHandler(
    IncidentService service,
    HostMetrics metrics,
    ILogger<SignallingInboundHandler> logger) : IInboundHandler
{
    /// <summary>What a person sees when the disk is full: clear, and honest that nothing stored is lost.</summary>
    internal const string StorageFullReply =
        "⚠️ Storage full: IncidentBot cannot record anything right now, so this was not saved. "
        + "Nothing already recorded is lost. Tell whoever runs the bot to free disk space; it recovers by itself.";

    public async Task<InboundOutcome> HandleAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        InboundOutcome outcome;
        try
        {
            outcome = await service.HandleAsync(inbound, cancellationToken);
        }
        catch (StorageFullException e) when (inbound is CommandInvoked or ButtonClicked)
        {
            // A person is waiting for an answer: tell them. Other inputs rethrow so the platform redelivers later.
            LogStorageFull(logger, e, inbound.GetType());
            return InboundOutcome.Refused(StorageFullReply);
        }

        if (outcome.Acknowledged is { } acknowledged)
        {
            metrics.RecordAcknowledged(acknowledged);
        }

        // Debug, not Information: one line per input is thousands a second under load; the outcome is in the metrics.
        LogHandled(logger, inbound.GetType(), inbound.Context.Workspace, outcome.IncidentId, outcome.Result);
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Inbound} from {Workspace} for {IncidentId}: {Result}")]
    private static partial void LogHandled(ILogger logger, Type inbound, WorkspaceId workspace, IncidentId? incidentId, InboundResult result);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage full: {Inbound} was refused with a clear reply")]
    private static partial void LogStorageFull(ILogger logger, Exception exception, Type inbound);
}

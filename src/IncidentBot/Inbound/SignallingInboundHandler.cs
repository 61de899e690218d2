using IncidentBot.Core.Alerts;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;
using IncidentBot.Hosting;
using IncidentBot.Metrics;

namespace IncidentBot.Inbound;

/// <summary>
/// The <see cref="IInboundHandler"/> front ends call: Core's use cases, then a wake-up for the outbox and the
/// reminder loop once the change is committed, so the bot speaks at once and clocks re-plan at once.
/// </summary>
internal sealed partial class SignallingInboundHandler(
    AlertInboundRouter service,
    IIncidentReader store,
    WorkSignals signals,
    HostMetrics metrics,
    TimeProvider time,
    ILogger<SignallingInboundHandler> logger) : IInboundHandler
{
    /// <summary>What a person sees when the disk is full: clear, and honest that nothing stored is lost.</summary>
    internal const string StorageFullReply =
        "⚠️ Storage full: IncidentBot cannot record anything right now, so this was not saved. "
        + "Nothing already recorded is lost. Tell whoever runs the bot to free disk space; it recovers by itself.";

    public async Task<InboundOutcome> HandleAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        InboundOutcome outcome;
        try
        {
            outcome = await service.HandleAsync(inbound, cancellationToken);
        }
        catch (StorageFullException e) when (inbound is CommandInvoked or ButtonClicked or AlertDeclareClicked)
        {
            // A person is waiting for an answer: tell them. Other inputs rethrow so the platform redelivers later.
            LogStorageFull(logger, e, inbound.GetType());
            return InboundOutcome.Refused(StorageFullReply);
        }

        if (outcome.Result == InboundResult.Accepted)
        {
            signals.Outbox.Signal();
            signals.Reminders.Signal();
            signals.Notices.Signal();
            await RecordAcknowledgementAsync(inbound, outcome, started, cancellationToken);
        }

        LogHandled(logger, inbound.GetType(), inbound.Context.Workspace, outcome.IncidentId, outcome.Result);
        return outcome;
    }

    /// <summary>Feeds the acknowledgement-latency histogram when this input was an incident's first acknowledgement.</summary>
    private async Task RecordAcknowledgementAsync(InboundEvent inbound, InboundOutcome outcome, DateTimeOffset started, CancellationToken cancellationToken)
    {
        if (inbound is not (ReactionAdded or ButtonClicked or CommandInvoked) || outcome.IncidentId is not { } id)
        {
            return;
        }

        if (await store.FindAsync(id, cancellationToken) is { AcknowledgedAt: { } at } incident && at >= started
            && incident.AcknowledgedBy?.Id == inbound.Context.User.Id)
        {
            metrics.RecordAcknowledged(incident);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Inbound} from {Workspace} for {IncidentId}: {Result}")]
    private static partial void LogHandled(ILogger logger, Type inbound, WorkspaceId workspace, IncidentId? incidentId, InboundResult result);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage full: {Inbound} was refused with a clear reply")]
    private static partial void LogStorageFull(ILogger logger, Exception exception, Type inbound);
}

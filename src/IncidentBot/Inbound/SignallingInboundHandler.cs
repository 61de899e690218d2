using System.Diagnostics;
using IncidentBot.Core.Alerts;
using IncidentBot.Core.Diagnostics;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;
using IncidentBot.Hosting;
using IncidentBot.Metrics;

namespace IncidentBot.Inbound;

/// <summary>
/// The <see cref="IInboundHandler"/> front ends call: the use cases, a clear answer when the disk is full, and the
/// acknowledgement-latency histogram and the inbound counter fed from the outcome itself. Inputs that go through the group commit wake the
/// loops once per committed group (<see cref="LoopWakingCommitListener"/>); alerting inputs commit through
/// <see cref="AlertService"/> on their own, so they wake the loops here.
/// </summary>
internal sealed partial class SignallingInboundHandler(
    AlertInboundRouter service,
    WorkSignals signals,
    HostMetrics metrics,
    PlatformMetrics platforms,
    ILogger<SignallingInboundHandler> logger) : IInboundHandler
{
    /// <summary>What a person sees when the disk is full: clear, and honest that nothing stored is lost.</summary>
    internal const string StorageFullReply =
        "⚠️ Storage full: IncidentBot cannot record anything right now, so this was not saved. "
        + "Nothing already recorded is lost. Tell whoever runs the bot to free disk space; it recovers by itself.";

    public async Task<InboundOutcome> HandleAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        // A child of the platform's HTTP request when there is one (ASP.NET Core's span), else the root of its trace.
        using var activity = Tracing.Source.StartActivity("incidentbot.inbound");
        activity?.SetTag("incidentbot.inbound.type", inbound.GetType().Name);
        activity?.SetTag("incidentbot.platform", inbound.Context.Workspace.Platform.ToString().ToLowerInvariant());
        InboundOutcome outcome;
        try
        {
            outcome = await service.HandleAsync(inbound, cancellationToken);
        }
        catch (StorageFullException e) when (inbound is CommandInvoked or ButtonClicked or AlertDeclareClicked)
        {
            // A person is waiting for an answer: tell them. Other inputs rethrow so the platform redelivers later.
            LogStorageFull(logger, e, inbound.GetType());
            activity?.SetStatus(ActivityStatusCode.Error, "storage full");
            platforms.Handled(inbound, InboundResult.Refused);
            return InboundOutcome.Refused(StorageFullReply);
        }

        if (outcome.Result == InboundResult.Accepted && AlertService.Handles(inbound))
        {
            signals.Outbox.Signal();
            signals.Reminders.Signal();
            signals.Notices.Signal();
        }

        if (outcome.Acknowledged is { } acknowledged)
        {
            metrics.RecordAcknowledged(acknowledged);
        }

        // Counted here, once for every platform: the adapters count only the inputs they turn away themselves.
        platforms.Handled(inbound, outcome.Result);
        activity?.SetTag("incidentbot.outcome", outcome.Result.ToString());
        activity?.SetTag("incidentbot.incident", outcome.IncidentId?.ToString());

        // Debug, not Information: one line per input is thousands a second under load; the outcome is in the metrics.
        LogHandled(logger, inbound.GetType(), inbound.Context.Workspace, outcome.IncidentId, outcome.Result);
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Inbound} from {Workspace} for {IncidentId}: {Result}")]
    private static partial void LogHandled(ILogger logger, Type inbound, WorkspaceId workspace, IncidentId? incidentId, InboundResult result);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage full: {Inbound} was refused with a clear reply")]
    private static partial void LogStorageFull(ILogger logger, Exception exception, Type inbound);
}

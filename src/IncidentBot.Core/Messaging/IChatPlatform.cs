using IncidentBot.Core.Incidents;
using IncidentBot.Core.StatusDocs;

namespace IncidentBot.Core.Messaging;

/// <summary>
/// The outbound port one platform adapter implements. Calls happen only from the outbox dispatcher, never on
/// a request path. Throw <see cref="PlatformUnavailableException"/> when the call may succeed later (the
/// message stays queued) and <see cref="PlatformRejectedException"/> when it never will. Calls that create a
/// message get the <see cref="Delivery"/> they perform, so a retried attempt can avoid posting twice.
/// </summary>
public interface IChatPlatform
{
    Platform Platform { get; }

    Task<RootMessageRef> PostRootAsync(Incident incident, StatusDoc doc, Delivery delivery, CancellationToken cancellationToken);

    /// <summary>Returns the thread id (Slack: the root <c>ts</c>; Discord: the new thread's channel id).</summary>
    Task<string> OpenThreadAsync(Incident incident, CancellationToken cancellationToken);

    Task EditRootAsync(Incident incident, StatusDoc doc, CancellationToken cancellationToken);

    Task PostInThreadAsync(Incident incident, MessageContent content, Delivery delivery, CancellationToken cancellationToken);

    Task UploadFileAsync(Incident incident, UploadFile file, Delivery delivery, CancellationToken cancellationToken);

    /// <summary>Adds the platform's emoji for <paramref name="reaction"/>, as configured.</summary>
    Task AddReactionAsync(Incident incident, string messageId, Reaction reaction, CancellationToken cancellationToken);

    Task ReplyAsync(Incident incident, string replyHandle, MessageContent content, CancellationToken cancellationToken);
}

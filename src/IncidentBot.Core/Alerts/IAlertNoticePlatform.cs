using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Core.Alerts;

/// <summary>
/// Posts a "declare?" notice in a channel, outside any incident, with a Declare button that carries
/// the notice id back as <see cref="AlertDeclareClicked"/>. Failures as for <see cref="IChatPlatform"/>.
/// </summary>
public interface IAlertNoticePlatform
{
    Platform Platform { get; }

    /// <summary>Returns the posted message's id.</summary>
    Task<string> PostNoticeAsync(
        WorkspaceId workspace, string channelId, long noticeId, MessageContent content, Delivery delivery, CancellationToken cancellationToken);
}

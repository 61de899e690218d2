using System.Globalization;
using IncidentBot.Core.Alerts;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Slack.Api;
using IncidentBot.Slack.Background;
using IncidentBot.Slack.Rendering;
using IncidentBot.Slack.Wire.BlockKit;

namespace IncidentBot.Slack.Outbound;

/// <summary>
/// Slack's side of the alert intake: the "declare?" notice (a channel message with a Declare button whose value is
/// the notice id, <see cref="SlackActionIds.DeclareAlert"/>) and the team the bot token belongs to.
/// </summary>
internal sealed class SlackAlertNotices(SlackApiClient api, SlackEscalation escalation, SlackBotIdentity identity)
    : IAlertNoticePlatform, IPlatformWorkspace
{
    private const int SectionTextMax = 3000;

    public Platform Platform => Platform.Slack;

    public string? WorkspaceId => identity.TeamId;

    public async Task<string> PostNoticeAsync(
        WorkspaceId workspace, string channelId, long noticeId, MessageContent content, Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(delivery);
        try
        {
            // chat.postMessage is not idempotent: a retry first looks for the earlier attempt by its delivery key.
            if (delivery.IsRetry
                && await api.FindDeliveredAsync(channelId, null, delivery.Key, delivery.QueuedAt - TimeSpan.FromMinutes(5), cancellationToken) is { } earlier)
            {
                return earlier;
            }

            var mrkdwn = SlackMrkdwn.Render(content.Inlines, new SlackRenderContext(escalation.Markup, channelId, null));
            Block[] blocks =
            [
                new SectionBlock { Text = new MrkdwnTextObject { Text = SlackMrkdwn.Fit(mrkdwn, SectionTextMax) } },
                new ActionsBlock
                {
                    BlockId = string.Create(CultureInfo.InvariantCulture, $"alert:{noticeId}"),
                    Elements =
                    [
                        new Button
                        {
                            ActionId = SlackActionIds.DeclareAlert,
                            Value = noticeId.ToString(CultureInfo.InvariantCulture),
                            Text = new PlainTextObject { Text = "🚨 Declare incident" },
                            Style = "primary",
                        },
                    ],
                },
            ];
            var posted = await api.PostMessageAsync(channelId, null, new SlackMessageBody(SlackMrkdwn.Fit(mrkdwn, SectionTextMax), blocks), delivery.Key, cancellationToken);
            return posted.Ts ?? throw new PlatformRejectedException("chat.postMessage returned no ts.");
        }
        catch (SlackApiException e) when (e.IsTransient)
        {
            throw new PlatformUnavailableException(e.Message, e);
        }
        catch (SlackApiException e)
        {
            throw new PlatformRejectedException(e.Message, e);
        }
    }
}

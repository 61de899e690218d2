using System.Globalization;
using IncidentBot.Core.Alerts;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Slack.Background;
using IncidentBot.Slack.Wire;

namespace IncidentBot.Slack.Inbound;

internal sealed partial class SlackInboundProcessor
{
    /// <summary>The Declare button of an alert's "declare?" notice (Outbound/SlackAlertNotices): its value is the notice id.</summary>
    private async Task<SlackReply?> DeclareAlertAsync(
        WorkspaceId workspace, UserRef user, InteractionPayload payload, BlockAction clicked, string source, CancellationToken cancellationToken)
    {
        if (!long.TryParse(clicked.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var noticeId)
            || payload.TriggerId is not { Length: > 0 } trigger)
        {
            return Ignored(source);
        }

        var channel = payload.Container?.ChannelId ?? payload.Channel?.Id ?? string.Empty;
        var at = SlackTime.Parse(clicked.ActionTs) ?? time.GetUtcNow();
        var context = new InboundContext(workspace, channel, null, user, at, $"action:{trigger}");
        var outcome = await HandleAsync(new AlertDeclareClicked(context, noticeId), source, cancellationToken);
        if (outcome.Reply is { } reply)
        {
            if (Uri.TryCreate(payload.ResponseUrl, UriKind.Absolute, out var responseUrl))
            {
                background.Enqueue(new RespondToUrl(responseUrl, channel, reply));
            }
            else if (channel.Length > 0)
            {
                background.Enqueue(new PostEphemeral(channel, user.Id, null, reply));
            }
        }

        return null;
    }
}

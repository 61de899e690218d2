using System.Globalization;
using IncidentBot.Core.Alerts;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Discord.Configuration;
using IncidentBot.Discord.Rendering;
using IncidentBot.Discord.Rest;
using IncidentBot.Discord.Wire;
using Microsoft.Extensions.Options;

namespace IncidentBot.Discord.Outbound;

/// <summary>
/// Discord's side of the alert intake: the "declare?" notice, a channel message with a Declare button
/// (<c>custom_id</c> <c>declare_alert:{notice id}</c>, <see cref="ButtonIds.DeclareAlert"/>), and the configured guild.
/// </summary>
internal sealed class DiscordAlertNotices(DiscordRestClient rest, DiscordMessageRenderer renderer, IOptions<DiscordOptions> options)
    : IAlertNoticePlatform, IPlatformWorkspace
{
    public Platform Platform => Platform.Discord;

    public string? WorkspaceId => options.Value.GuildId is { Length: > 0 } guild ? guild : null;

    public async Task<string> PostNoticeAsync(
        WorkspaceId workspace, string channelId, long noticeId, MessageContent content, Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(delivery);
        var rendered = renderer.Render(content, null)[0];
        var payload = new MessagePayload
        {
            Content = TextCutter.Shorten(rendered.Content, DiscordLimits.Content, "…"),
            AllowedMentions = DiscordMessageRenderer.Mentions(rendered),
            Components =
            [
                new WireComponent
                {
                    Type = 1,
                    Components =
                    [
                        new WireComponent
                        {
                            Type = 2,
                            Style = 1,
                            Label = "Declare incident",
                            CustomId = ButtonIds.DeclareAlert + ":" + noticeId.ToString(CultureInfo.InvariantCulture),
                        },
                    ],
                },
            ],
        };
        try
        {
            // The nonce makes a retried create return the message already made (DiscordChatPlatform.Nonce).
            var message = await rest.CreateMessageAsync(channelId, payload, DiscordChatPlatform.Nonce(delivery, 0), cancellationToken);
            return message.Id;
        }
        catch (DiscordApiException e)
        {
            throw new PlatformRejectedException(e.Message, e);
        }
    }
}

using System.Globalization;

namespace IncidentBot.Discord.Rest;

/// <summary>
/// One REST call: the route template names its rate-limit bucket together with the top-level resource
/// (channel, guild, webhook): https://docs.discord.com/developers/topics/rate-limits#rate-limits
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Template">The route with placeholders, e.g. <c>/channels/{channel_id}/messages</c>.</param>
/// <param name="MajorParameter">The top-level resource id that scopes the bucket.</param>
/// <param name="Path">The path relative to <c>Discord:ApiBaseUrl</c>.</param>
/// <param name="Retryable">Safe to send again after a 5xx or a timeout (it cannot act twice).</param>
/// <param name="BotAuth">Sent with the bot token; interaction webhooks are authorised by their token instead and
/// are not bound to the global limit.</param>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string MajorParameter, string Path, bool Retryable, bool BotAuth = true)
{
    public static HttpRequestOptionsKey<DiscordRoute> Key => new("IncidentBot.Discord.Route");

    /// <summary>The metric and log name, e.g. <c>POST /channels/{channel_id}/messages</c>.</summary>
    public string Name => $"{Method.Method} {Template}";

    public static DiscordRoute GatewayBot() => new(HttpMethod.Get, "/gateway/bot", string.Empty, "gateway/bot", Retryable: true);

    public static DiscordRoute OverwriteCommands(string applicationId, string? guildId) => guildId is null
        ? new(HttpMethod.Put, "/applications/{application_id}/commands", applicationId,
            $"applications/{applicationId}/commands", Retryable: true)
        : new(HttpMethod.Put, "/applications/{application_id}/guilds/{guild_id}/commands", guildId,
            $"applications/{applicationId}/guilds/{guildId}/commands", Retryable: true);

    /// <summary>Retryable because every create carries a nonce with <c>enforce_nonce</c>: a repeat returns the first message.</summary>
    public static DiscordRoute CreateMessage(string channelId) =>
        new(HttpMethod.Post, "/channels/{channel_id}/messages", channelId, $"channels/{channelId}/messages", Retryable: true);

    public static DiscordRoute EditMessage(string channelId, string messageId) =>
        new(HttpMethod.Patch, "/channels/{channel_id}/messages/{message_id}", channelId, $"channels/{channelId}/messages/{messageId}", Retryable: true);

    /// <summary>Retryable: a message has at most one thread, a repeat answers 160004 and the thread id is the message id.</summary>
    public static DiscordRoute StartThread(string channelId, string messageId) =>
        new(HttpMethod.Post, "/channels/{channel_id}/messages/{message_id}/threads", channelId,
            $"channels/{channelId}/messages/{messageId}/threads", Retryable: true);

    public static DiscordRoute AddReaction(string channelId, string messageId, string emoji) =>
        new(HttpMethod.Put, "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", channelId,
            $"channels/{channelId}/messages/{messageId}/reactions/{Uri.EscapeDataString(emoji)}/@me", Retryable: true);

    public static DiscordRoute GetMessages(string channelId, string afterId, int limit) =>
        new(HttpMethod.Get, "/channels/{channel_id}/messages", channelId,
            string.Create(CultureInfo.InvariantCulture, $"channels/{channelId}/messages?after={afterId}&limit={limit}"), Retryable: true);

    public static DiscordRoute GetReactions(string channelId, string messageId, string emoji, int limit) =>
        new(HttpMethod.Get, "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}", channelId,
            string.Create(CultureInfo.InvariantCulture, $"channels/{channelId}/messages/{messageId}/reactions/{Uri.EscapeDataString(emoji)}?limit={limit}"),
            Retryable: true);

    /// <summary>Not retried blindly: a second callback for one interaction is refused (40060).</summary>
    public static DiscordRoute InteractionCallback(string interactionId, string token) =>
        new(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback", interactionId,
            $"interactions/{interactionId}/{token}/callback", Retryable: false, BotAuth: false);

    public static DiscordRoute EditOriginal(string applicationId, string token) =>
        new(HttpMethod.Patch, "/webhooks/{application_id}/{interaction_token}/messages/@original", applicationId + "/" + token,
            $"webhooks/{applicationId}/{token}/messages/@original", Retryable: true, BotAuth: false);

    /// <summary>Not retried blindly: a follow-up has no nonce, a repeat would post twice.</summary>
    public static DiscordRoute FollowUp(string applicationId, string token) =>
        new(HttpMethod.Post, "/webhooks/{application_id}/{interaction_token}", applicationId + "/" + token,
            $"webhooks/{applicationId}/{token}", Retryable: false, BotAuth: false);
}

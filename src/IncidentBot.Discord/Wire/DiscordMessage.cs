using System.Text.Json.Serialization;

namespace IncidentBot.Discord.Wire;

/// <summary>
/// A message as Discord sends it (REST responses, MESSAGE_CREATE/UPDATE). In a thread <c>channel_id</c> is the
/// thread's id. MESSAGE_UPDATE may be partial, so every field is optional.
/// </summary>
internal sealed record DiscordMessage
{
    public string Id { get; init; } = string.Empty;

    public string? ChannelId { get; init; }

    public string? GuildId { get; init; }

    public DiscordUser? Author { get; init; }

    public DiscordMember? Member { get; init; }

    public string? Content { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public DateTimeOffset? EditedTimestamp { get; init; }

    public int? Type { get; init; }

    public string? WebhookId { get; init; }

    [JsonPropertyName("channel_type")]
    public int? ChannelType { get; init; }

    public IReadOnlyList<DiscordAttachment>? Attachments { get; init; }
}

namespace IncidentBot.Discord.Wire;

/// <summary>
/// The body of create/edit message, the data of an interaction response, and the edit of an original
/// response: https://docs.discord.com/developers/resources/message#create-message
/// </summary>
internal sealed record MessagePayload
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    public IReadOnlyList<WireComponent>? Components { get; init; }

    public int? Flags { get; init; }

    public string? Nonce { get; init; }

    public bool? EnforceNonce { get; init; }

    public IReadOnlyList<AttachmentRef>? Attachments { get; init; }

    public string? CustomId { get; init; }

    public string? Title { get; init; }
}

namespace IncidentBot.Slack.Wire;

/// <summary>Message metadata (<see href="https://docs.slack.dev/messaging/message-metadata"/>) as the bot writes it.</summary>
internal sealed record SlackMessageMetadata
{
    public string? EventType { get; init; }

    public DeliveryPayload? EventPayload { get; init; }
}

/// <summary>The payload of the bot's own delivery metadata: the outbox delivery key.</summary>
internal sealed record DeliveryPayload
{
    public string? Key { get; init; }
}

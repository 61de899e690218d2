using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Storage.Outbox;

/// <summary>
/// Intents as JSON, using Core's <c>[JsonPolymorphic]</c> discriminators. Enums are written by name so a
/// reordered enum cannot change what a queued message says.
/// </summary>
internal sealed class OutboxJson
{
    private readonly JsonSerializerOptions _options = new()
    {
        Converters = { new MessageContentConverter(), new JsonStringEnumConverter() },
    };

    public string Serialize(OutboundIntent intent) => JsonSerializer.Serialize(intent, _options);

    public OutboundIntent Deserialize(string json) =>
        JsonSerializer.Deserialize<OutboundIntent>(json, _options) ?? throw new JsonException("The intent is null.");
}

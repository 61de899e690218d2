using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IncidentBot.Core.Messaging;
using IncidentBot.Storage.Outbox.Json;

namespace IncidentBot.Storage.Outbox;

/// <summary>Intents as the outbox stores them: mapped to the storage's own shapes (<see cref="IntentJson"/>), then JSON.</summary>
internal sealed class OutboxJson
{
    private readonly JsonTypeInfo<IntentJson> _type = OutboxJsonContext.Default.IntentJson;

    public string Serialize(OutboundIntent intent) => JsonSerializer.Serialize(IntentMapping.ToJson(intent), _type);

    public OutboundIntent Deserialize(string json) =>
        IntentMapping.FromJson(JsonSerializer.Deserialize(json, _type) ?? throw new JsonException("The intent is null."));
}

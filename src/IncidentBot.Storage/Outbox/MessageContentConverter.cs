using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Storage.Outbox;

/// <summary>Reads and writes <see cref="MessageContent"/> through <see cref="MessageContentShape"/>.</summary>
internal sealed class MessageContentConverter : JsonConverter<MessageContent>
{
    public override MessageContent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var shape = JsonSerializer.Deserialize<MessageContentShape>(ref reader, options)
            ?? throw new JsonException("A message content is null.");
        return new MessageContent(shape.Inlines ?? [], shape.Buttons ?? []);
    }

    public override void Write(Utf8JsonWriter writer, MessageContent value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new MessageContentShape(value.Inlines, value.Buttons), options);
}

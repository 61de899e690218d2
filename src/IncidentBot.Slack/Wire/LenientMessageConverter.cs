using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace IncidentBot.Slack.Wire;

/// <summary>
/// Reads a nested message that Slack sometimes sends as something other than an object: a parent deleted before
/// its replies arrives with <c>"previous_message": []</c> (java-slack-sdk issue 784, in the fixtures). Anything
/// but an object reads as null instead of failing the whole event.
/// </summary>
internal sealed class LenientMessageConverter : JsonConverter<SlackMessage?>
{
    public override SlackMessage? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        var type = (JsonTypeInfo<SlackMessage>)options.GetTypeInfo(typeof(SlackMessage));
        return JsonSerializer.Deserialize(ref reader, type);
    }

    public override void Write(Utf8JsonWriter writer, SlackMessage? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        JsonSerializer.Serialize(writer, value, (JsonTypeInfo<SlackMessage>)options.GetTypeInfo(typeof(SlackMessage)));
    }
}

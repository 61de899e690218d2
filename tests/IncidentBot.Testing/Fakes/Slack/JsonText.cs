using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentBot.Testing.Fakes.Slack;

/// <summary>Every string value in a JSON tree, decoded and joined by new lines: what a reader of the message sees.</summary>
public static class JsonText
{
    public static string Of(JsonNode? node)
    {
        var parts = new List<string>();
        Collect(node, parts);
        return string.Join('\n', parts);
    }

    private static void Collect(JsonNode? node, List<string> parts)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Collect(value, parts);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, parts);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                parts.Add(value.GetValue<string>());
                break;
        }
    }
}

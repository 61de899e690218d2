using System.Text.Json.Serialization;

namespace IncidentBot.Slack.Wire;

/// <summary>
/// Every Slack JSON shape the adapter reads, source-generated (no reflection). Slack's names are snake_case;
/// unknown fields are ignored, as Slack asks ("tolerate minor changes", <see href="https://docs.slack.dev/apis/events-api"/>).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SlashCommandPayload))]
[JsonSerializable(typeof(EventEnvelope))]
[JsonSerializable(typeof(InteractionPayload))]
[JsonSerializable(typeof(SocketEnvelope))]
[JsonSerializable(typeof(SlackResponse))]
[JsonSerializable(typeof(AuthTestResponse))]
[JsonSerializable(typeof(PostMessageResponse))]
[JsonSerializable(typeof(PermalinkResponse))]
[JsonSerializable(typeof(RepliesResponse))]
[JsonSerializable(typeof(UsersInfoResponse))]
[JsonSerializable(typeof(UploadUrlResponse))]
[JsonSerializable(typeof(ConnectionsOpenResponse))]
[JsonSerializable(typeof(ConversationsInfoResponse))]
[JsonSerializable(typeof(ViewResponse))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;

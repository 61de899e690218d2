using System.Text.Json.Serialization;
using IncidentBot.Slack.Wire.BlockKit;

namespace IncidentBot.Slack.Wire;

/// <summary>
/// Every Slack JSON shape the adapter reads or writes, source-generated (no reflection). Slack's names are snake_case;
/// unknown fields are ignored, as Slack asks ("tolerate minor changes", <see href="https://docs.slack.dev/apis/events-api"/>),
/// and an unset optional field is left out of what the bot sends rather than written as null.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
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
[JsonSerializable(typeof(PostMessageRequest))]
[JsonSerializable(typeof(UpdateMessageRequest))]
[JsonSerializable(typeof(PostEphemeralRequest))]
[JsonSerializable(typeof(ReactionsAddRequest))]
[JsonSerializable(typeof(ViewsOpenRequest))]
[JsonSerializable(typeof(CompleteUploadRequest))]
[JsonSerializable(typeof(ResponseUrlMessage))]
[JsonSerializable(typeof(SlackReply))]
[JsonSerializable(typeof(SocketAck))]
[JsonSerializable(typeof(IReadOnlyList<Block>))]
[JsonSerializable(typeof(ModalView))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;
using IncidentBot.Core.Alerts;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Storage.Outbox.Json;

/// <summary>
/// A queued intent as the <c>outbox.intent</c> column holds it. The discriminators and property names are what
/// rows on disk already say: change one and queued messages written before no longer read.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(PostRootJson), "post_root")]
[JsonDerivedType(typeof(OpenThreadJson), "open_thread")]
[JsonDerivedType(typeof(EditRootJson), "edit_root")]
[JsonDerivedType(typeof(PostThreadJson), "post_thread")]
[JsonDerivedType(typeof(UploadFileJson), "upload_file")]
[JsonDerivedType(typeof(AddReactionJson), "add_reaction")]
[JsonDerivedType(typeof(ReplyJson), "reply")]
[JsonDerivedType(typeof(PagerDutyJson), "pagerduty")]
internal abstract record IntentJson;

internal sealed record PostRootJson : IntentJson;

internal sealed record OpenThreadJson : IntentJson;

internal sealed record EditRootJson : IntentJson;

internal sealed record PostThreadJson(ContentJson Content) : IntentJson;

internal sealed record UploadFileJson(string FileName, string Title, string Content, ContentJson Comment) : IntentJson;

/// <summary>
/// A reaction by meaning. Rows queued before reactions had meanings name the emoji instead; the only one Core
/// ever queued was the key-event confirmation, so such a row reads as <see cref="Core.Messaging.Reaction.Confirmed"/>.
/// </summary>
internal sealed record AddReactionJson(
    string MessageId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Reaction? Reaction,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Emoji = null) : IntentJson;

internal sealed record ReplyJson(string ReplyHandle, ContentJson Content) : IntentJson;

internal sealed record PagerDutyJson(string PagerDutyId, PagerDutyAction Action, string? Note) : IntentJson;

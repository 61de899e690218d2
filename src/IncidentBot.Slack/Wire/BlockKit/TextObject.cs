using System.Text.Json.Serialization;

namespace IncidentBot.Slack.Wire.BlockKit;

/// <summary>A text object (<see href="https://docs.slack.dev/reference/block-kit/composition-objects/text-object"/>).</summary>
[JsonDerivedType(typeof(PlainTextObject))]
[JsonDerivedType(typeof(MrkdwnTextObject))]
internal abstract record TextObject;

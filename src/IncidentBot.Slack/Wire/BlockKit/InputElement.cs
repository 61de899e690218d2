using System.Text.Json.Serialization;

namespace IncidentBot.Slack.Wire.BlockKit;

/// <summary>The control inside an input block; the value comes back under its <c>action_id</c>.</summary>
[JsonDerivedType(typeof(PlainTextInput))]
[JsonDerivedType(typeof(StaticSelect))]
[JsonDerivedType(typeof(UsersSelect))]
internal abstract record InputElement;

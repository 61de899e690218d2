using System.Text.Json.Serialization;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Storage.Outbox.Json;

/// <summary>A piece of a queued message as stored; the short discriminators keep long messages small.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$t")]
[JsonDerivedType(typeof(TextJson), "text")]
[JsonDerivedType(typeof(BoldJson), "bold")]
[JsonDerivedType(typeof(CodeJson), "code")]
[JsonDerivedType(typeof(UserJson), "user")]
[JsonDerivedType(typeof(EscalationJson), "escalation")]
[JsonDerivedType(typeof(TimeJson), "time")]
[JsonDerivedType(typeof(BreakJson), "br")]
[JsonDerivedType(typeof(ThreadJson), "thread")]
internal abstract record InlineJson;

internal sealed record TextJson(string Value) : InlineJson;

internal sealed record BoldJson(string Value) : InlineJson;

internal sealed record CodeJson(string Value) : InlineJson;

internal sealed record UserJson(string UserId) : InlineJson;

internal sealed record EscalationJson : InlineJson;

internal sealed record TimeJson(DateTimeOffset At, TimestampStyle Style) : InlineJson;

internal sealed record BreakJson : InlineJson;

internal sealed record ThreadJson : InlineJson;

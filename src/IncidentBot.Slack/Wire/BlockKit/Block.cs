using System.Text.Json.Serialization;

namespace IncidentBot.Slack.Wire.BlockKit;

/// <summary>
/// A layout block (<see href="https://docs.slack.dev/reference/block-kit/blocks"/>). Each kind writes its own
/// <c>type</c> first, so a block reads the same wherever it is declared; listing the kinds here lets a list of blocks
/// write each one whole.
/// </summary>
[JsonDerivedType(typeof(HeaderBlock))]
[JsonDerivedType(typeof(ContextBlock))]
[JsonDerivedType(typeof(SectionBlock))]
[JsonDerivedType(typeof(DividerBlock))]
[JsonDerivedType(typeof(ActionsBlock))]
[JsonDerivedType(typeof(InputBlock))]
internal abstract record Block;

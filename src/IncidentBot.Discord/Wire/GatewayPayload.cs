using System.Text.Json;

namespace IncidentBot.Discord.Wire;

/// <summary>The gateway envelope <c>{op, d, s, t}</c>; <c>s</c> and <c>t</c> are set only on dispatches (op 0).</summary>
internal sealed record GatewayPayload
{
    public int Op { get; init; }

    public JsonElement D { get; init; }

    public long? S { get; init; }

    public string? T { get; init; }
}

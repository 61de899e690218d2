using System.Text.Json;

namespace IncidentBot.Discord.Wire;

/// <summary>A command option: a subcommand (with nested options) or a typed value (string, number, boolean, user id).</summary>
internal sealed record InteractionOption
{
    public string Name { get; init; } = string.Empty;

    public int Type { get; init; }

    public JsonElement? Value { get; init; }

    public IReadOnlyList<InteractionOption>? Options { get; init; }
}

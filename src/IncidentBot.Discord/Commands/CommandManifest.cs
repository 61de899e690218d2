using System.Text.Json.Nodes;

namespace IncidentBot.Discord.Commands;

/// <summary>
/// manifests/discord/commands.json, embedded in this assembly: the one source of truth for <c>/incident</c>,
/// its subcommands and typed options.
/// </summary>
internal static class CommandManifest
{
    public const string ResourceName = "IncidentBot.Discord.commands.json";

    public static JsonObject Load()
    {
        using var stream = typeof(CommandManifest).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        return JsonNode.Parse(stream) as JsonObject
            ?? throw new InvalidOperationException("manifests/discord/commands.json is not a JSON object.");
    }
}

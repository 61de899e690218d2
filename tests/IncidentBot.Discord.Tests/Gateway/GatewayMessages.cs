using System.Globalization;
using System.Text.Json.Nodes;
using IncidentBot.Testing.Fakes.Discord;

namespace IncidentBot.Discord.Tests.Gateway;

/// <summary>Shorthands over <see cref="DiscordPayloads"/> (derived from the documented field tables) for one thread and one person.</summary>
internal static class GatewayMessages
{
    public const string ThreadId = "1300000000000000100";

    public const string PersonId = "1400000000000000001";

    public static JsonObject ThreadMessage(FakeDiscord discord, string id, string content, string userId = PersonId) =>
        DiscordPayloads.Message(discord, ThreadId, id, content, userId, "Ana", new DateTimeOffset(2026, 4, 18, 14, 5, 0, TimeSpan.Zero));

    public static JsonObject Reaction(FakeDiscord discord, string messageId, string emoji, string userId = PersonId) =>
        DiscordPayloads.Reaction(discord, ThreadId, messageId, emoji, userId, "Ana");

    public static JsonObject SlashCommand(FakeDiscord discord, string id, string subcommand, params (string Name, int Type, JsonNode Value)[] options) =>
        DiscordPayloads.SlashCommand(discord, discord.IncidentsChannelId, id, PersonId, "Ana", subcommand, options);

    public static string Id(long n) => (1_600_000_000_000_000_000 + n).ToString(CultureInfo.InvariantCulture);
}

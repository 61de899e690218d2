using System.Globalization;
using System.Text.Json.Nodes;
using IncidentBot.Tests.Fakes.Discord;

namespace IncidentBot.Discord.Tests.Gateway;

/// <summary>Dispatch bodies built from the documented field tables (no real capture exists for these; see Fixtures/PROVENANCE.md).</summary>
internal static class GatewayMessages
{
    public const string ThreadId = "1300000000000000100";

    public static JsonObject ThreadMessage(FakeDiscord discord, string id, string content, string userId = "1400000000000000001") => new()
    {
        ["id"] = id,
        ["channel_id"] = ThreadId,
        ["guild_id"] = discord.GuildId,
        ["channel_type"] = 11,
        ["type"] = 0,
        ["content"] = content,
        ["timestamp"] = "2026-04-18T14:05:00.000000+00:00",
        ["edited_timestamp"] = null,
        ["author"] = new JsonObject { ["id"] = userId, ["username"] = "ana", ["global_name"] = "Ana" },
        ["member"] = new JsonObject { ["nick"] = "Ana (SRE)", ["roles"] = new JsonArray() },
        ["mentions"] = new JsonArray(),
        ["attachments"] = new JsonArray(),
        ["embeds"] = new JsonArray(),
        ["pinned"] = false,
        ["tts"] = false,
        ["some_future_field"] = new JsonObject { ["ignored"] = true },
    };

    public static JsonObject Reaction(FakeDiscord discord, string messageId, string emoji, string userId = "1400000000000000001") => new()
    {
        ["user_id"] = userId,
        ["channel_id"] = ThreadId,
        ["message_id"] = messageId,
        ["guild_id"] = discord.GuildId,
        ["emoji"] = new JsonObject { ["id"] = null, ["name"] = emoji },
        ["burst"] = false,
        ["type"] = 0,
    };

    public static JsonObject SlashCommand(FakeDiscord discord, string id, string subcommand, params (string Name, int Type, JsonNode Value)[] options) => new()
    {
        ["id"] = id,
        ["application_id"] = discord.ApplicationId,
        ["type"] = 2,
        ["token"] = "token-" + id,
        ["version"] = 1,
        ["guild_id"] = discord.GuildId,
        ["channel_id"] = discord.IncidentsChannelId,
        ["channel"] = new JsonObject { ["id"] = discord.IncidentsChannelId, ["type"] = 0 },
        ["member"] = new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = "1400000000000000001", ["username"] = "ana", ["global_name"] = "Ana" },
            ["nick"] = null,
            ["permissions"] = "2147483647",
        },
        ["data"] = new JsonObject
        {
            ["id"] = "1500000000000000001",
            ["name"] = "incident",
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject
            {
                ["type"] = 1,
                ["name"] = subcommand,
                ["options"] = new JsonArray([.. options.Select(o => (JsonNode?)new JsonObject { ["name"] = o.Name, ["type"] = o.Type, ["value"] = o.Value.DeepClone() })]),
            }),
        },
    };

    public static string Id(long n) => (1_600_000_000_000_000_000 + n).ToString(CultureInfo.InvariantCulture);
}

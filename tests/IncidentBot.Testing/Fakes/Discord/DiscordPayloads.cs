using System.Globalization;
using System.Text.Json.Nodes;

namespace IncidentBot.Testing.Fakes.Discord;

/// <summary>
/// Gateway dispatch bodies as Discord sends them. No Discord-written or real captured sample exists for a message in
/// a thread, a reaction, or a subcommand interaction, so these are derived from the documented field tables
/// (https://docs.discord.com/developers/events/gateway-events, .../interactions/receiving-and-responding), with an
/// unknown field added to each to prove it is ignored.
/// </summary>
public static class DiscordPayloads
{
    public static JsonObject User(string id, string name) => new() { ["id"] = id, ["username"] = name.ToLowerInvariant(), ["global_name"] = name };

    public static JsonObject Message(FakeDiscord discord, string channelId, string id, string content, string userId, string userName, DateTimeOffset at) => new()
    {
        ["id"] = id,
        ["channel_id"] = channelId,
        ["guild_id"] = discord.GuildId,
        ["channel_type"] = 11,
        ["type"] = 0,
        ["content"] = content,
        ["timestamp"] = at.ToString("O", CultureInfo.InvariantCulture),
        ["edited_timestamp"] = null,
        ["author"] = User(userId, userName),
        ["member"] = new JsonObject { ["roles"] = new JsonArray(), ["nick"] = null },
        ["mentions"] = new JsonArray(),
        ["attachments"] = new JsonArray(),
        ["embeds"] = new JsonArray(),
        ["pinned"] = false,
        ["tts"] = false,
        ["some_future_field"] = new JsonObject { ["ignored"] = true },
    };

    public static JsonObject Reaction(FakeDiscord discord, string channelId, string messageId, string emoji, string userId, string userName) => new()
    {
        ["user_id"] = userId,
        ["channel_id"] = channelId,
        ["message_id"] = messageId,
        ["guild_id"] = discord.GuildId,
        ["member"] = new JsonObject { ["user"] = User(userId, userName), ["roles"] = new JsonArray(), ["nick"] = null },
        ["emoji"] = new JsonObject { ["id"] = null, ["name"] = emoji },
        ["burst"] = false,
        ["type"] = 0,
    };

    public static JsonObject SlashCommand(
        FakeDiscord discord, string channelId, string id, string userId, string userName, string subcommand, params (string Name, int Type, JsonNode Value)[] options)
    {
        var interaction = Interaction(discord, channelId, id, userId, userName, 2);
        interaction["data"] = new JsonObject
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
        };
        return interaction;
    }

    public static JsonObject Button(FakeDiscord discord, string channelId, string id, string userId, string userName, string customId, string messageId)
    {
        var interaction = Interaction(discord, channelId, id, userId, userName, 3);
        interaction["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        interaction["message"] = new JsonObject { ["id"] = messageId, ["channel_id"] = channelId, ["type"] = 0, ["content"] = string.Empty };
        return interaction;
    }

    /// <summary>A modal submission in the current layout: a Label (18) around the text input.</summary>
    public static JsonObject ModalSubmit(FakeDiscord discord, string channelId, string id, string userId, string userName, string customId, string inputId, string value)
    {
        var interaction = Interaction(discord, channelId, id, userId, userName, 5);
        interaction["data"] = new JsonObject
        {
            ["custom_id"] = customId,
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = 18,
                ["id"] = 1,
                ["component"] = new JsonObject { ["type"] = 4, ["id"] = 2, ["custom_id"] = inputId, ["value"] = value },
            }),
        };
        return interaction;
    }

    private static JsonObject Interaction(FakeDiscord discord, string channelId, string id, string userId, string userName, int type) => new()
    {
        ["id"] = id,
        ["application_id"] = discord.ApplicationId,
        ["type"] = type,
        ["token"] = "token-" + id,
        ["version"] = 1,
        ["guild_id"] = discord.GuildId,
        ["channel_id"] = channelId,
        ["channel"] = new JsonObject { ["id"] = channelId, ["type"] = channelId == discord.IncidentsChannelId ? 0 : 11 },
        ["member"] = new JsonObject { ["user"] = User(userId, userName), ["nick"] = null, ["permissions"] = "2147483647" },
        ["app_permissions"] = "442368",
        ["locale"] = "en-US",
        ["entitlements"] = new JsonArray(),
    };
}

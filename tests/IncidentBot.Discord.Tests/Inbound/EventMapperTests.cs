using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Policies;
using IncidentBot.Discord.Inbound;
using IncidentBot.Discord.Reactions;
using IncidentBot.Discord.Tests.Infrastructure;

namespace IncidentBot.Discord.Tests.Inbound;

public sealed class EventMapperTests
{
    private const string Bot = "1100000000000000001";
    private const string Guild = "1100000000000000003";
    private static readonly DiscordEventMapper.Position Position = new("session-1", 17);
    private static readonly DateTimeOffset Now = new(2026, 4, 18, 15, 0, 0, TimeSpan.Zero);
    private static readonly DiscordEventMapper.Reading Reading = new(new DiscordReactions(DiscordHarness.Reactions), new DiscordText(IncidentPolicy.Default));

    [Fact]
    public void A_thread_message_keeps_its_id_author_original_time_and_attachments()
    {
        var message = Message("1", "look at this");
        message["attachments"] = new JsonArray(new JsonObject { ["id"] = "9", ["filename"] = "graph.png", ["url"] = "https://cdn.example/graph.png" });

        var posted = Assert.IsType<ThreadMessagePosted>(Assert.Single(Map("MESSAGE_CREATE", message)));

        Assert.Equal(("1", "look at this\n📎 graph.png https://cdn.example/graph.png", "msg:1"), (posted.MessageId, posted.Text, posted.Context.DedupKey));
        Assert.Equal(("T1", "T1", "Ana (SRE)"), (posted.Context.ChannelId, posted.Context.ThreadId, posted.Context.User.Name));
        Assert.Equal(new DateTimeOffset(2026, 4, 18, 14, 5, 0, TimeSpan.Zero), posted.Context.At);
    }

    [Theory]
    [InlineData("bot-self")]
    [InlineData("other-bot")]
    [InlineData("webhook")]
    [InlineData("system")]
    [InlineData("not-a-thread")]
    [InlineData("direct-message")]
    public void Messages_that_are_not_peoples_thread_messages_are_dropped(string kind)
    {
        var message = Message("1", "x");
        switch (kind)
        {
            case "bot-self":
                message["author"]!["id"] = Bot;
                break;
            case "other-bot":
                message["author"]!["bot"] = true;
                break;
            case "webhook":
                message["webhook_id"] = "5";
                break;
            case "system":
                message["type"] = 18;
                break;
            case "not-a-thread":
                message["channel_type"] = 0;
                break;
            default:
                message.Remove("guild_id");
                break;
        }

        Assert.Empty(Map("MESSAGE_CREATE", message));
    }

    [Fact]
    public void An_edit_is_keyed_by_message_and_edit_time_and_an_unfurl_is_not_an_edit()
    {
        var edited = Message("1", "new text");
        edited["edited_timestamp"] = "2026-04-18T14:06:00.000000+00:00";
        var unfurl = Message("1", "new text");

        var edit = Assert.IsType<MessageEdited>(Assert.Single(Map("MESSAGE_UPDATE", edited)));

        Assert.Equal($"edit:1:{new DateTimeOffset(2026, 4, 18, 14, 6, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()}", edit.Context.DedupKey);
        Assert.Equal("new text", edit.NewText);
        Assert.Empty(Map("MESSAGE_UPDATE", unfurl));
    }

    [Fact]
    public void Deletes_one_or_many_become_one_record_each()
    {
        var one = new JsonObject { ["id"] = "1", ["channel_id"] = "T1", ["guild_id"] = Guild };
        var bulk = new JsonObject { ["ids"] = new JsonArray("2", "3"), ["channel_id"] = "T1", ["guild_id"] = Guild };

        Assert.Equal(["del:1"], Map("MESSAGE_DELETE", one).Select(e => e.Context.DedupKey));
        Assert.Equal(["del:2", "del:3"], Map("MESSAGE_DELETE_BULK", bulk).Select(e => e.Context.DedupKey));
    }

    [Fact]
    public void A_reaction_key_holds_session_and_sequence_so_a_replay_is_a_duplicate_but_a_new_add_is_not()
    {
        var reaction = Reaction("👀", "1400000000000000001");

        var first = Assert.Single(Map("MESSAGE_REACTION_ADD", reaction));
        var replay = Assert.Single(Map("MESSAGE_REACTION_ADD", reaction));
        var later = Assert.Single(DiscordEventMapper.Map("MESSAGE_REACTION_ADD", Json(reaction), Position with { Sequence = 30 }, Bot, Reading, Now));

        Assert.Equal("react:+:M1:1400000000000000001:👀:session-1:17", first.Context.DedupKey);
        Assert.Equal(first.Context.DedupKey, replay.Context.DedupKey);
        Assert.NotEqual(first.Context.DedupKey, later.Context.DedupKey);
        Assert.Equal(Core.Messaging.Reaction.Acknowledge, Assert.IsType<ReactionAdded>(first).Reaction);
    }

    [Fact]
    public void The_bots_own_reactions_are_dropped_and_a_custom_emoji_cannot_pass_for_a_standard_one()
    {
        var custom = Reaction("eyes", "1400000000000000001");
        custom["emoji"]!["id"] = "555";

        Assert.Empty(Map("MESSAGE_REACTION_ADD", Reaction("✅", Bot)));
        Assert.Empty(Map("MESSAGE_REACTION_ADD", custom));
        Assert.StartsWith("react:-:", Assert.IsType<ReactionRemoved>(Assert.Single(Map("MESSAGE_REACTION_REMOVE", Reaction("📌", "1400000000000000001")))).Context.DedupKey, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reaction_means_what_the_map_configures_custom_emoji_by_name_and_others_are_dropped()
    {
        var custom = Reaction("ack", "1400000000000000001");
        custom["emoji"]!["id"] = "555";
        var reactions = new DiscordReactions(new ReactionMap(["eyes", "ack"], ["pushpin", "warning"], "white_check_mark"));

        IReadOnlyList<InboundEvent> MapWith(JsonObject data) => DiscordEventMapper.Map("MESSAGE_REACTION_ADD", Json(data), Position, Bot, Reading with { Reactions = reactions }, Now);

        Assert.Equal(Core.Messaging.Reaction.Acknowledge, Assert.IsType<ReactionAdded>(Assert.Single(MapWith(custom))).Reaction);
        Assert.Equal("react:+:M1:1400000000000000001:ack:555:session-1:17", MapWith(custom)[0].Context.DedupKey);
        Assert.Equal(Core.Messaging.Reaction.KeyEvent, Assert.IsType<ReactionAdded>(Assert.Single(MapWith(Reaction("⚠", "1400000000000000001")))).Reaction);
        Assert.Equal(Core.Messaging.Reaction.KeyEvent, Assert.IsType<ReactionAdded>(Assert.Single(MapWith(Reaction("⚠️", "1400000000000000001")))).Reaction);
        Assert.Empty(MapWith(Reaction("✅", "1400000000000000001")));
        Assert.Empty(MapWith(Reaction("🔥", "1400000000000000001")));
    }

    [Fact]
    public void A_message_is_recorded_as_plain_text_with_its_mentions_as_tokens()
    {
        var posted = Assert.IsType<ThreadMessagePosted>(Assert.Single(Map("MESSAGE_CREATE", Message("1", "ping <@!222> in <#444> at <t:1776520800:t>"))));

        Assert.Equal("ping <@222> in #channel at 2026-04-18 14:00", posted.Text);
    }

    private static IReadOnlyList<InboundEvent> Map(string type, JsonObject data) => DiscordEventMapper.Map(type, Json(data), Position, Bot, Reading, Now);

    private static JsonElement Json(JsonObject data) => JsonDocument.Parse(data.ToJsonString()).RootElement.Clone();

    private static JsonObject Message(string id, string content) => new()
    {
        ["id"] = id,
        ["channel_id"] = "T1",
        ["guild_id"] = Guild,
        ["channel_type"] = 11,
        ["type"] = 0,
        ["content"] = content,
        ["timestamp"] = "2026-04-18T14:05:00.000000+00:00",
        ["edited_timestamp"] = null,
        ["author"] = new JsonObject { ["id"] = "1400000000000000001", ["username"] = "ana", ["global_name"] = "Ana" },
        ["member"] = new JsonObject { ["nick"] = "Ana (SRE)" },
    };

    private static JsonObject Reaction(string emoji, string user) => new()
    {
        ["user_id"] = user,
        ["channel_id"] = "T1",
        ["message_id"] = "M1",
        ["guild_id"] = Guild,
        ["emoji"] = new JsonObject { ["id"] = null, ["name"] = emoji },
    };
}

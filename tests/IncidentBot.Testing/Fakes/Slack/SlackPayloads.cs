using System.Text.Json.Nodes;

namespace IncidentBot.Testing.Fakes.Slack;

/// <summary>
/// Payloads shaped like Slack's (see the fixtures copied beside the tests), for driving the bot over HTTP or
/// Socket Mode: slash commands, event callbacks, button clicks and modal submissions.
/// </summary>
public static class SlackPayloads
{
    public const string Channel = "C0INCIDENTS";

    public static Dictionary<string, string> SlashCommand(string text, string user, string trigger, Uri? responseUrl = null, string channel = Channel) => new()
    {
        ["token"] = "deprecated-verification-token",
        ["team_id"] = FakeSlack.TeamId,
        ["team_domain"] = "fake",
        ["channel_id"] = channel,
        ["channel_name"] = "incidents",
        ["user_id"] = user,
        ["user_name"] = user.ToLowerInvariant(),
        ["command"] = "/incident",
        ["text"] = text,
        ["api_app_id"] = "A0FAKE",
        // Never a real Slack host: a reply sent to an unset response_url must fail locally.
        ["response_url"] = responseUrl?.ToString() ?? "http://127.0.0.1:9/commands/T0FAKE/1/x",
        ["trigger_id"] = trigger,
    };

    public static string Form(IReadOnlyDictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    public static JsonObject SlashCommandJson(IReadOnlyDictionary<string, string> fields)
    {
        var json = new JsonObject();
        foreach (var (key, value) in fields)
        {
            json[key] = value;
        }

        return json;
    }

    public static JsonObject EventCallback(JsonObject inner, string eventId) => new()
    {
        ["token"] = "deprecated-verification-token",
        ["team_id"] = FakeSlack.TeamId,
        ["api_app_id"] = "A0FAKE",
        ["event"] = inner.DeepClone(),
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1767600000,
        ["authorizations"] = new JsonArray
        {
            new JsonObject { ["team_id"] = FakeSlack.TeamId, ["user_id"] = FakeSlack.BotUserId, ["is_bot"] = true, ["is_enterprise_install"] = false },
        },
        ["is_ext_shared_channel"] = false,
        ["event_context"] = "EC0FAKE",
    };

    public static JsonObject ThreadReply(string user, string text, string ts, string threadTs, string channel = Channel) => new()
    {
        ["type"] = "message",
        ["user"] = user,
        ["text"] = text,
        ["ts"] = ts,
        ["thread_ts"] = threadTs,
        ["parent_user_id"] = FakeSlack.BotUserId,
        ["team"] = FakeSlack.TeamId,
        ["channel"] = channel,
        ["event_ts"] = ts,
        ["channel_type"] = "channel",
    };

    public static JsonObject BotMessage(string text, string ts, string threadTs, string channel = Channel) => new()
    {
        ["type"] = "message",
        ["user"] = FakeSlack.BotUserId,
        ["bot_id"] = FakeSlack.BotId,
        ["text"] = text,
        ["ts"] = ts,
        ["thread_ts"] = threadTs,
        ["channel"] = channel,
        ["event_ts"] = ts,
        ["channel_type"] = "channel",
    };

    public static JsonObject Mention(string user, string command, string ts, string? threadTs, string channel = Channel)
    {
        var mention = new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = user,
            ["text"] = $"<@{FakeSlack.BotUserId}> {command}",
            ["ts"] = ts,
            ["channel"] = channel,
            ["event_ts"] = ts,
        };
        if (threadTs is not null)
        {
            mention["thread_ts"] = threadTs;
        }

        return mention;
    }

    public static JsonObject Reaction(bool added, string user, string reaction, string itemTs, string eventTs, string channel = Channel) => new()
    {
        ["type"] = added ? "reaction_added" : "reaction_removed",
        ["user"] = user,
        ["item"] = new JsonObject { ["type"] = "message", ["channel"] = channel, ["ts"] = itemTs },
        ["reaction"] = reaction,
        ["item_user"] = FakeSlack.BotUserId,
        ["event_ts"] = eventTs,
    };

    public static JsonObject Edit(string user, string newText, string ts, string threadTs, string editTs, string channel = Channel) => new()
    {
        ["type"] = "message",
        ["subtype"] = "message_changed",
        ["hidden"] = true,
        ["message"] = new JsonObject
        {
            ["type"] = "message",
            ["user"] = user,
            ["text"] = newText,
            ["ts"] = ts,
            ["thread_ts"] = threadTs,
            ["edited"] = new JsonObject { ["user"] = user, ["ts"] = editTs },
        },
        ["previous_message"] = new JsonObject { ["type"] = "message", ["user"] = user, ["text"] = "before", ["ts"] = ts, ["thread_ts"] = threadTs },
        ["channel"] = channel,
        ["ts"] = editTs,
        ["event_ts"] = editTs,
        ["channel_type"] = "channel",
    };

    public static JsonObject ButtonClick(string actionId, string incidentId, string user, string trigger, string messageTs, Uri? responseUrl = null, string channel = Channel) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["name"] = user.ToLowerInvariant(), ["team_id"] = FakeSlack.TeamId },
        ["api_app_id"] = "A0FAKE",
        ["token"] = "deprecated-verification-token",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = false },
        ["trigger_id"] = trigger,
        ["team"] = new JsonObject { ["id"] = FakeSlack.TeamId, ["domain"] = "fake" },
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "incidents" },
        ["response_url"] = responseUrl?.ToString() ?? "http://127.0.0.1:9/actions/T0FAKE/1/x",
        ["actions"] = new JsonArray
        {
            new JsonObject
            {
                ["action_id"] = actionId,
                ["block_id"] = $"incident:{incidentId}",
                ["type"] = "button",
                ["value"] = incidentId,
                ["action_ts"] = "1767600100.000001",
            },
        },
    };

    /// <summary>The submission of a modal the bot opened, with <paramref name="values"/> as block id → action value.</summary>
    public static JsonObject ViewSubmission(FakeSlackView view, string user, IReadOnlyDictionary<string, JsonObject> values)
    {
        var state = new JsonObject();
        foreach (var (block, value) in values)
        {
            state[block] = new JsonObject { ["value"] = value.DeepClone() };
        }

        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = FakeSlack.TeamId, ["domain"] = "fake" },
            ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["name"] = user.ToLowerInvariant(), ["team_id"] = FakeSlack.TeamId },
            ["api_app_id"] = "A0FAKE",
            ["trigger_id"] = "trigger-view-" + view.Id,
            ["view"] = new JsonObject
            {
                ["id"] = view.Id,
                ["team_id"] = FakeSlack.TeamId,
                ["type"] = "modal",
                ["callback_id"] = view.CallbackId,
                ["private_metadata"] = view.PrivateMetadata,
                ["hash"] = view.Hash,
                ["state"] = new JsonObject { ["values"] = state },
            },
            ["response_urls"] = new JsonArray(),
        };
    }

    public static JsonObject TextInput(string text) => new() { ["type"] = "plain_text_input", ["value"] = text };

    public static JsonObject SelectedOption(string value) => new() { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = value } };

    public static JsonObject SelectedUser(string? user) => new() { ["type"] = "users_select", ["selected_user"] = user };
}

namespace IncidentBot.Discord.Reactions;

/// <summary>
/// Standard emoji by the names people type between colons, the vocabulary of the reaction map: Discord sends and
/// wants the character itself. A name not listed here is taken to be one of the server's custom emoji, which
/// Discord sends with an id and the name it was given.
/// </summary>
internal static class DiscordEmojiNames
{
    /// <summary>Pairs of name and character, space-separated: a table easier to read and extend than code.</summary>
    private const string Table = """
        eyes 👀 white_check_mark ✅ pushpin 📌 round_pushpin 📍 heavy_check_mark ✔️ ballot_box_with_check ☑️
        x ❌ heavy_multiplication_x ✖️ +1 👍 thumbsup 👍 -1 👎 thumbsdown 👎
        ok_hand 👌 raised_hand ✋ raising_hand 🙋 wave 👋 pray 🙏 clap 👏
        muscle 💪 handshake 🤝 point_up ☝️ fire 🔥 rotating_light 🚨 warning ⚠️
        sos 🆘 no_entry ⛔ no_entry_sign 🚫 bangbang ‼️ exclamation ❗ question ❓
        bell 🔔 mag 🔍 memo 📝 paperclip 📎 bookmark 🔖 star ⭐
        star2 🌟 sparkles ✨ tada 🎉 rocket 🚀 bug 🐛 wrench 🔧
        hammer 🔨 hammer_and_wrench 🛠️ gear ⚙️ construction 🚧 hourglass ⌛ hourglass_flowing_sand ⏳
        stopwatch ⏱️ alarm_clock ⏰ telephone_receiver 📞 speech_balloon 💬 thinking_face 🤔 heart ❤️
        green_heart 💚 100 💯 red_circle 🔴 large_green_circle 🟢 large_yellow_circle 🟡 large_orange_circle 🟠
        information_source ℹ️ lock 🔒 unlock 🔓 key 🔑 boom 💥 zap ⚡
        ambulance 🚑 fire_engine 🚒 chart_with_upwards_trend 📈 chart_with_downwards_trend 📉 arrow_up ⬆️ arrow_down ⬇️
        new 🆕 skull 💀 see_no_evil 🙈 sweat_smile 😅 slightly_smiling_face 🙂 smile 😄
        joy 😂
        """;

    private static readonly Dictionary<string, string> Characters = Table
        .Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
        .Chunk(2)
        .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

    /// <summary>The character a standard name stands for, as Discord wants it when the bot reacts.</summary>
    public static string? CharacterOf(string name) => Characters.GetValueOrDefault(name);

    /// <summary>
    /// The character without the emoji presentation selector (U+FE0F): clients send ⚠ with it or without it, and
    /// both are the same reaction.
    /// </summary>
    public static string Plain(string character) => character.Replace("\uFE0F", string.Empty, StringComparison.Ordinal);
}

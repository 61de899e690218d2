using IncidentBot.Core.Messaging;
using IncidentBot.Discord.Wire;

namespace IncidentBot.Discord.Reactions;

/// <summary>
/// The configured reaction map in Discord's form: a standard name is its character (<c>eyes</c> is 👀), any other
/// name a custom emoji of the server by that name. A custom emoji merely named like a standard one (a server's own
/// "eyes") is not the standard one, so it cannot acknowledge in its place.
/// </summary>
internal sealed class DiscordReactions
{
    private readonly ReactionMap _map;
    private readonly Dictionary<string, Reaction> _meanings = new(StringComparer.Ordinal);

    public DiscordReactions(ReactionMap map)
    {
        _map = map;
        foreach (var meaning in new[] { Reaction.Acknowledge, Reaction.KeyEvent })
        {
            foreach (var name in map.NamesOf(meaning))
            {
                _meanings.TryAdd(Key(name), meaning);
            }
        }
    }

    /// <summary>The standard characters that acknowledge, for reading back who reacted while the bot was away.</summary>
    public IReadOnlyList<string> AcknowledgeCharacters =>
        [.. _map.NamesOf(Reaction.Acknowledge).Select(DiscordEmojiNames.CharacterOf).OfType<string>()];

    /// <summary>What a reaction's emoji means, or null when nothing.</summary>
    public Reaction? MeaningOf(DiscordEmoji emoji)
    {
        if (emoji.Name is not { Length: > 0 } name)
        {
            return null;
        }

        var key = emoji.Id is { Length: > 0 } ? "custom:" + name : "char:" + DiscordEmojiNames.Plain(name);
        return _meanings.TryGetValue(key, out var meaning) ? meaning : null;
    }

    /// <summary>The emoji the bot adds for <paramref name="reaction"/>: the first name configured for it.</summary>
    public string EmojiOf(Reaction reaction)
    {
        var name = _map.NamesOf(reaction)[0];
        return DiscordEmojiNames.CharacterOf(name) ?? name;
    }

    private static string Key(string name) =>
        DiscordEmojiNames.CharacterOf(name) is { } character ? "char:" + DiscordEmojiNames.Plain(character) : "custom:" + name;
}

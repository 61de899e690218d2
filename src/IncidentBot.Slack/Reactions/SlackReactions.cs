using IncidentBot.Core.Messaging;

namespace IncidentBot.Slack.Reactions;

/// <summary>
/// The configured reaction map in Slack's form. Slack names a reaction by the same short name the map uses
/// (<c>eyes</c>, or a workspace's custom emoji by its name); a skin tone rides along after two colons
/// (<c>thumbsup::skin-tone-2</c>) and means nothing to the process.
/// </summary>
internal sealed class SlackReactions(ReactionMap map)
{
    /// <summary>What a Slack reaction means, or null when nothing.</summary>
    public Reaction? MeaningOf(string reaction)
    {
        var tone = reaction.IndexOf("::", StringComparison.Ordinal);
        return map.MeaningOf(tone < 0 ? reaction : reaction[..tone]);
    }

    /// <summary>The name to add for <paramref name="reaction"/>: the first configured for it.</summary>
    public string NameOf(Reaction reaction) => map.NamesOf(reaction)[0];
}

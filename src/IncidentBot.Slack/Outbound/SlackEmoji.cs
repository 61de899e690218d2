namespace IncidentBot.Slack.Outbound;

/// <summary>
/// Slack names reactions by short name without colons (<c>white_check_mark</c>); Core may hand us either that
/// or the Unicode emoji, and reactions may carry a skin tone (<c>thumbsup::skin-tone-2</c>).
/// </summary>
internal static class SlackEmoji
{
    public static string ToSlackName(string emoji) => emoji switch
    {
        "✅" => "white_check_mark",
        "👀" => "eyes",
        "📌" => "pushpin",
        _ => emoji.Trim(':'),
    };

    /// <summary>The reaction's base name, as the acknowledgement and key-event rules name it.</summary>
    public static string FromReaction(string reaction)
    {
        var tone = reaction.IndexOf("::", StringComparison.Ordinal);
        return tone < 0 ? reaction : reaction[..tone];
    }
}

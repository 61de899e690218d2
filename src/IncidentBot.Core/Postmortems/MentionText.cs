using System.Text.RegularExpressions;
using IncidentBot.Core.Commands;

namespace IncidentBot.Core.Postmortems;

/// <summary>
/// Front ends hand Core plain text in which a person is written as the grammar's mention token
/// (<c>&lt;@id&gt;</c> or <c>&lt;@id|name&gt;</c>, see <see cref="CommandParser.ParseMention"/>); every other piece of
/// platform markup was already turned into text by the adapter. This shows each mention as <c>@name</c>, the name
/// the token carries or the one the incident knows. The result is plain text, escaped later like any other.
/// </summary>
internal sealed partial class MentionText(IReadOnlyDictionary<string, string> names)
{
    public string ToPlain(string text) =>
        text.Contains("<@", StringComparison.Ordinal) ? Mention().Replace(text, m => "@" + Name(m)) : text;

    /// <summary>The name to show for a user id: the one we know, else the id itself.</summary>
    public string NameOf(string userId) => names.TryGetValue(userId, out var name) ? name : userId;

    private string Name(Match match) =>
        match.Groups["name"].Value is { Length: > 0 } label ? label : NameOf(match.Groups["id"].Value);

    [GeneratedRegex(@"<@(?<id>[A-Za-z0-9]+)(\|(?<name>[^>|]{0,80}))?>", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();
}

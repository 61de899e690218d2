using IncidentBot.Core.Messaging;

namespace IncidentBot.Configuration;

/// <summary>
/// The reaction map (DESIGN.md §2 and §11), <c>Incidents__Reactions__…</c>: emoji names as typed between colons,
/// comma-separated, with the runbook's 👀/✅ and 📌 as defaults. Each platform adapter maps a name to its own emoji.
/// </summary>
internal sealed class ReactionsOptions
{
    /// <summary>Reactions on the status doc that acknowledge the incident.</summary>
    public string Acknowledge { get; set; } = "eyes,white_check_mark";

    /// <summary>Reactions on a thread message that mark it a key event of the postmortem timeline.</summary>
    public string KeyEvent { get; set; } = "pushpin";

    /// <summary>The one reaction the bot puts on a message it captured as a key event.</summary>
    public string Confirmed { get; set; } = "white_check_mark";

    /// <summary>The names of a comma-separated value, without surrounding colons (<c>:eyes:</c> is <c>eyes</c>).</summary>
    public static IReadOnlyList<string> Names(string? value) =>
        [.. (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.Trim(':')).Where(n => n.Length > 0)];

    public ReactionMap ToMap() => new(Names(Acknowledge), Names(KeyEvent), Names(Confirmed).Single());
}

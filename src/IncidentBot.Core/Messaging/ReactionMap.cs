namespace IncidentBot.Core.Messaging;

/// <summary>
/// The configured reactions (<c>Incidents__Reactions__…</c>), by the names people type between colons, such as the
/// runbook's <c>eyes</c>: a platform-neutral vocabulary that each adapter maps to its own emoji. A name means the
/// first of its meanings that lists it: acknowledge, then key event (the host refuses a name listed under both).
/// </summary>
public sealed record ReactionMap(IReadOnlyList<string> Acknowledge, IReadOnlyList<string> KeyEvent, string Confirmed)
{
    /// <summary>What a reaction of <paramref name="name"/> means, or null when it means nothing to the process.</summary>
    public Reaction? MeaningOf(string name) =>
        Acknowledge.Contains(name, StringComparer.Ordinal) ? Reaction.Acknowledge
        : KeyEvent.Contains(name, StringComparer.Ordinal) ? Reaction.KeyEvent
        : null;

    /// <summary>The names that a person's reaction can carry <paramref name="meaning"/> by.</summary>
    public IReadOnlyList<string> NamesOf(Reaction meaning) => meaning switch
    {
        Reaction.Acknowledge => Acknowledge,
        Reaction.KeyEvent => KeyEvent,
        _ => [Confirmed],
    };
}

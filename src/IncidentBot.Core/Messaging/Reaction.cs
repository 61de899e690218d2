namespace IncidentBot.Core.Messaging;

/// <summary>
/// What a reaction means to the process (DESIGN.md §11). Which emoji stands for which meaning is configuration
/// (<see cref="ReactionMap"/>), and each adapter translates its platform's emoji to and from these.
/// </summary>
public enum Reaction
{
    /// <summary>On the status doc: the person has seen the incident.</summary>
    Acknowledge,

    /// <summary>On a thread message: it is a key event of the postmortem timeline.</summary>
    KeyEvent,

    /// <summary>Put by the bot on a message it captured as a key event.</summary>
    Confirmed,
}

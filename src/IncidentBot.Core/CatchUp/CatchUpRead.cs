using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.CatchUp;

/// <summary>
/// One open incident's read-back after the front end was away: the thread's messages after
/// <see cref="AfterMessageId"/> (with the reactions on them), and, when <see cref="Acknowledgements"/>, the
/// acknowledging reactions on the status doc. How to read them is the adapter's.
/// </summary>
/// <param name="Incident">The open incident.</param>
/// <param name="ThreadId">Its thread (Slack: the root's <c>ts</c>; Discord: the thread's channel id).</param>
/// <param name="AfterMessageId">The newest thread message already recorded, else the thread itself (nothing of it is).</param>
/// <param name="Acknowledgements">The incident can still be acknowledged: it has a status doc and is not resolved or closed.</param>
public sealed record CatchUpRead(Incident Incident, string ThreadId, string AfterMessageId, bool Acknowledgements);

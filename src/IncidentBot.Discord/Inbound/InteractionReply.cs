using IncidentBot.Discord.Rest;
using IncidentBot.Discord.Wire;

namespace IncidentBot.Discord.Inbound;

/// <summary>
/// What to answer an interaction with: the initial response (with an optional attached file when the text is
/// too long for a message) and, for a button, an ephemeral follow-up with the result.
/// </summary>
internal sealed record InteractionReply(InteractionResponse Response, OutgoingFile? File, MessagePayload? FollowUp);

using System.Text.Json.Serialization;

namespace IncidentBot.Slack.Wire;

/// <summary>
/// What the bot answers a command or an interaction with, in the HTTP response or as a Socket Mode ack's
/// <c>payload</c>; listing the kinds here lets either write the reply whole.
/// </summary>
[JsonDerivedType(typeof(CommandReply))]
[JsonDerivedType(typeof(ViewErrorsReply))]
internal abstract record SlackReply;

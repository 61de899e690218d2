using IncidentBot.Core.Messaging;

namespace IncidentBot.Slack.Background;

/// <summary><c>chat.postEphemeral</c>: visible to one person, in a channel or thread.</summary>
internal sealed record PostEphemeral(string Channel, string User, string? ThreadTs, MessageContent Content) : SlackBackgroundWork;

using IncidentBot.Core.Messaging;

namespace IncidentBot.Slack.Background;

/// <summary>A private answer through an interaction's <c>response_url</c>.</summary>
internal sealed record RespondToUrl(Uri ResponseUrl, string Channel, MessageContent Content) : SlackBackgroundWork;

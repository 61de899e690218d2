namespace IncidentBot.Slack.Rendering;

/// <summary>
/// What rendering needs beyond the message: the escalation markup (configured user group or <c>&lt;!here&gt;</c>),
/// the incident's channel, and its thread permalink when one was looked up.
/// </summary>
internal sealed record SlackRenderContext(string EscalationMarkup, string ChannelId, string? ThreadPermalink);

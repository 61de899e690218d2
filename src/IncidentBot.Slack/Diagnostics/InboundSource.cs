namespace IncidentBot.Slack.Diagnostics;

/// <summary>The <c>source</c> tag of <c>incidentbot.inbound.requests</c>.</summary>
internal static class InboundSource
{
    public const string Http = "slack_http";
    public const string Socket = "slack_socket";
}

namespace IncidentBot.Slack.SocketMode;

/// <summary>Why a Socket Mode connection ended, which decides what happens next.</summary>
internal enum ConnectionEnd
{
    /// <summary>Slack asked us to move (<c>warning</c>, <c>refresh_requested</c>): reconnect at once.</summary>
    Refresh,

    /// <summary>The socket closed without notice: reconnect with backoff.</summary>
    Closed,

    /// <summary>Socket Mode was turned off for the app (<c>link_disabled</c>): stop.</summary>
    LinkDisabled,
}

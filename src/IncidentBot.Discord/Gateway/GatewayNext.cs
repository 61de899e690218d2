namespace IncidentBot.Discord.Gateway;

/// <summary>What to do after a connection ends.</summary>
internal enum GatewayNext
{
    /// <summary>Reconnect to the resume URL and send Resume: the session and its missed events survive.</summary>
    Resume,

    /// <summary>Reconnect and Identify: a new session.</summary>
    Identify,

    /// <summary>Do not reconnect: the configuration must be fixed first.</summary>
    Stop,
}

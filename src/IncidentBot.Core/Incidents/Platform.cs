namespace IncidentBot.Core.Incidents;

/// <summary>The chat platform a workspace lives on.</summary>
public enum Platform
{
    Slack,
    Discord,
}

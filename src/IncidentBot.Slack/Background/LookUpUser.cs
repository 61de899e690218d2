namespace IncidentBot.Slack.Background;

/// <summary><c>users.info</c> for a display name.</summary>
internal sealed record LookUpUser(string UserId) : SlackBackgroundWork;

namespace IncidentBot.Slack.Background;

/// <summary>
/// Reads the threads of open incidents with <c>conversations.replies</c> and records replies the bot missed
/// while it was not connected (Slack stops retrying events after a few minutes). Recording is idempotent: a
/// reply already seen has the same natural key and is a duplicate.
/// </summary>
internal sealed record CatchUpThreads : SlackBackgroundWork;

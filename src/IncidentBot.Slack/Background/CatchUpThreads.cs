namespace IncidentBot.Slack.Background;

/// <summary>
/// Reads back the threads of open incidents with <c>conversations.replies</c> (what Core's catch-up rule asks for)
/// and records replies and reactions the bot missed while it was not connected (Slack stops retrying events after a
/// few minutes). Recording is idempotent: a reply already seen has the same natural key and is a duplicate.
/// </summary>
internal sealed record CatchUpThreads : SlackBackgroundWork;

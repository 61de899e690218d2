namespace IncidentBot.Slack.Background;

/// <summary>
/// Web API calls that must happen soon after an inbound request but never on its path (DESIGN.md §3 step 3):
/// opening a modal (a trigger id lives 3 seconds), private answers to clicks and mentions, name look-ups.
/// They are not incident state, so they do not go through the outbox.
/// </summary>
internal abstract record SlackBackgroundWork;

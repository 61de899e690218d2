using System.Text.Json.Nodes;

namespace IncidentBot.Slack.Background;

/// <summary><c>views.open</c> with a fresh trigger id.</summary>
internal sealed record OpenView(string TriggerId, JsonObject View) : SlackBackgroundWork;

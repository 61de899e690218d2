using IncidentBot.Slack.Wire.BlockKit;

namespace IncidentBot.Slack.Background;

/// <summary><c>views.open</c> with a fresh trigger id.</summary>
internal sealed record OpenView(string TriggerId, ModalView View) : SlackBackgroundWork;

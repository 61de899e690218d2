using IncidentBot.Slack.Wire.BlockKit;

namespace IncidentBot.Slack.Wire;

/// <summary><c>views.open</c>: a modal, opened with a trigger id that is valid for three seconds.</summary>
internal sealed record ViewsOpenRequest
{
    public required string TriggerId { get; init; }

    public required ModalView View { get; init; }
}

namespace IncidentBot.Core.Messaging;

/// <summary>The buttons under the status doc and on reminders.</summary>
public enum ButtonAction
{
    Acknowledge,
    TakeCommand,
    PostUpdate,
    Resolve,
    Close,
}

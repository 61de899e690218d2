namespace IncidentBot.Core.Messaging;

/// <summary>Where the status doc landed.</summary>
public sealed record RootMessageRef(string MessageId);

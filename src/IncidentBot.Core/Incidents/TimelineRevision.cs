namespace IncidentBot.Core.Incidents;

/// <summary>The text a message had before an edit, and when it was replaced.</summary>
public sealed record TimelineRevision(DateTimeOffset ReplacedAt, string PreviousText);

namespace IncidentBot.Testing.Fakes.Slack;

/// <summary>A file uploaded through the external upload flow and completed into a channel or thread.</summary>
public sealed record FakeSlackFile(string Id, string Title, string Channel, string? ThreadTs, string Content, string? InitialComment);

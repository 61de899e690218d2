namespace IncidentBot.Discord.Rendering;

/// <summary>One Discord message's content and the ids it is meant to ping.</summary>
internal sealed record RenderedMessage(string Content, IReadOnlyList<string> Users, IReadOnlyList<string> Roles);

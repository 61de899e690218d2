namespace IncidentBot.Discord.Wire;

/// <summary>Start a thread from a message: in a text channel it is a public thread (type 11).</summary>
internal sealed record StartThreadRequest(string Name, int AutoArchiveDuration);

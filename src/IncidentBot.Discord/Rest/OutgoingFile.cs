namespace IncidentBot.Discord.Rest;

/// <summary>A file sent as a message attachment.</summary>
internal sealed record OutgoingFile(string Name, byte[] Content);

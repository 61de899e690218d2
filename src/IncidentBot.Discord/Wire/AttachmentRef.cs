namespace IncidentBot.Discord.Wire;

/// <summary>
/// Describes the uploaded file <c>files[n]</c> of a multipart request. The id is a snowflake, a string on the wire
/// (discord.md §3); for a new upload it is the file's index, <c>"0"</c> for <c>files[0]</c>.
/// </summary>
internal sealed record AttachmentRef(string Id, string Filename, string? Description);

namespace IncidentBot.Discord.Wire;

/// <summary>Describes the uploaded file <c>files[Id]</c> of a multipart request.</summary>
internal sealed record AttachmentRef(int Id, string Filename, string? Description);

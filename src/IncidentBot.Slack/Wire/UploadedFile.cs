namespace IncidentBot.Slack.Wire;

/// <summary>A file <c>files.getUploadURLExternal</c> gave an id to, with the title it is shared under.</summary>
internal sealed record UploadedFile
{
    public required string Id { get; init; }

    public required string Title { get; init; }
}

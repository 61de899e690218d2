namespace IncidentBot.Slack.Wire;

/// <summary><c>files.getUploadURLExternal</c>: where to send the bytes, and the file's id.</summary>
internal sealed record UploadUrlResponse : SlackResponse
{
    public string? UploadUrl { get; init; }

    public string? FileId { get; init; }
}

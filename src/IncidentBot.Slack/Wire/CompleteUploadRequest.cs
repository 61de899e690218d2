namespace IncidentBot.Slack.Wire;

/// <summary><c>files.completeUploadExternal</c>: shares uploaded files into a thread with a comment.</summary>
internal sealed record CompleteUploadRequest
{
    public required IReadOnlyList<UploadedFile> Files { get; init; }

    public required string ChannelId { get; init; }

    public required string ThreadTs { get; init; }

    public required string InitialComment { get; init; }
}

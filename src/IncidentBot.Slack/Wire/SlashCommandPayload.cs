namespace IncidentBot.Slack.Wire;

/// <summary>
/// A slash command invocation: the form fields of <c>/slack/commands</c>, or the JSON payload of a Socket Mode
/// <c>slash_commands</c> envelope (<see href="https://docs.slack.dev/interactivity/implementing-slash-commands"/>).
/// </summary>
internal sealed record SlashCommandPayload
{
    public string? TeamId { get; init; }

    public string? ChannelId { get; init; }

    public string? UserId { get; init; }

    public string? UserName { get; init; }

    public string? Command { get; init; }

    public string? Text { get; init; }

    public string? ResponseUrl { get; init; }

    public string? TriggerId { get; init; }

    public string? SslCheck { get; init; }
}

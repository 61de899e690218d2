namespace IncidentBot.Slack.Configuration;

/// <summary>
/// The <c>Slack</c> configuration section (environment form <c>Slack__BotToken</c> and so on, DESIGN.md §4).
/// Validated at start-up by <see cref="SlackOptionsValidator"/>.
/// </summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>The bot token (<c>xoxb-</c>) from the app's OAuth &amp; Permissions page; turns Slack on.</summary>
    public string? BotToken { get; set; }

    /// <summary>Signs Slack's HTTP requests; turns on <c>/slack/commands</c>, <c>/slack/events</c>, <c>/slack/interactivity</c>.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>An app-level token (<c>xapp-</c>, scope <c>connections:write</c>); turns on Socket Mode.</summary>
    public string? AppToken { get; set; }

    /// <summary>Where the Web API lives; tests point it at a local fake.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>The channel incidents live in (e.g. <c>C0123ABCD</c>); unset: the channel the command was typed in.</summary>
    public string? IncidentsChannel { get; set; }

    internal bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    internal bool HttpEnabled => Enabled && !string.IsNullOrWhiteSpace(SigningSecret);

    internal bool SocketModeEnabled => Enabled && !string.IsNullOrWhiteSpace(AppToken);

    /// <summary>The base URL with a trailing slash, so relative method names resolve under it.</summary>
    internal Uri ApiBase => ApiBaseUrl.AbsoluteUri.EndsWith('/') ? ApiBaseUrl : new Uri(ApiBaseUrl.AbsoluteUri + "/");
}

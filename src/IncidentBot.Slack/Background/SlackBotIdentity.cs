using IncidentBot.Slack.Wire;

namespace IncidentBot.Slack.Background;

/// <summary>
/// Who the bot is in Slack (<c>auth.test</c>'s <c>user_id</c> and <c>bot_id</c>), so its own messages and
/// reactions are never recorded. Also learned from an event's <c>authorizations</c>, whose bot entry names the
/// bot user, so the first events after start-up are filtered even before <c>auth.test</c> answers.
/// </summary>
internal sealed class SlackBotIdentity
{
    private volatile string? _userId;
    private volatile string? _botId;
    private volatile string? _teamId;

    public string? UserId => _userId;

    /// <summary>The team the bot token belongs to (<c>auth.test</c>'s <c>team_id</c>): where alerts' incidents go by default.</summary>
    public string? TeamId => _teamId;

    public void Set(string? userId, string? botId, string? teamId = null)
    {
        if (!string.IsNullOrEmpty(teamId))
        {
            _teamId = teamId;
        }

        if (!string.IsNullOrEmpty(userId))
        {
            _userId = userId;
        }

        if (!string.IsNullOrEmpty(botId))
        {
            _botId = botId;
        }
    }

    public void Learn(IReadOnlyList<EventAuthorization>? authorizations)
    {
        if (_userId is null && authorizations?.FirstOrDefault(a => a.IsBot && !string.IsNullOrEmpty(a.UserId)) is { } bot)
        {
            _userId = bot.UserId;
        }
    }

    public bool IsSelf(string? userId, string? botId) =>
        (userId is not null && userId == _userId) || (botId is not null && botId == _botId);
}

using IncidentBot.Slack.Wire.BlockKit;

namespace IncidentBot.Slack.Rendering;

/// <summary>A rendered message: mrkdwn <c>text</c> (also the notification fallback) and optional Block Kit blocks.</summary>
internal sealed record SlackMessageBody(string Text, IReadOnlyList<Block>? Blocks);

using IncidentBot.Core.Incidents;

namespace IncidentBot.Dashboard.Pages;

/// <summary>
/// Where a person opens an incident's thread in their chat client. Slack's web client addresses a thread by team,
/// channel and root <c>ts</c>; Discord's by guild and the thread's channel id.
/// </summary>
internal static class ThreadLinks
{
    public static Uri? For(WorkspaceId workspace, string channelId, string? threadId)
    {
        if (threadId is null)
        {
            return null;
        }

        Func<string, string> e = Uri.EscapeDataString;
        return workspace.Platform switch
        {
            Platform.Slack => new Uri($"https://app.slack.com/client/{e(workspace.Id)}/{e(channelId)}/thread/{e(channelId)}-{e(threadId)}"),
            Platform.Discord => new Uri($"https://discord.com/channels/{e(workspace.Id)}/{e(threadId)}"),
            _ => null,
        };
    }
}

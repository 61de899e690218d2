namespace IncidentBot.Slack.Api;

/// <summary>What the client tells its HTTP pipeline about each request: the Slack method and whether repeating it is safe.</summary>
internal static class SlackRequestOptions
{
    public static readonly HttpRequestOptionsKey<string> Method = new("slack.method");

    /// <summary>
    /// True when sending the request twice does no harm (reads, <c>chat.update</c>, <c>reactions.add</c>). False for
    /// <c>chat.postMessage</c> and friends: a 5xx or a timeout may come after Slack already posted
    /// (DESIGN.md §5), so those are left to the outbox instead of repeated blindly.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> Safe = new("slack.safe");
}

namespace IncidentBot.Testing.Fakes.Slack;

/// <summary>
/// The bot records a root's ts from <c>chat.postMessage</c>'s answer, after the fake already holds the message, and
/// posts in the thread only after that record. A reply or reaction under a root before then is on no incident, so a
/// test that speaks under a root waits until its thread has a post.
/// </summary>
public sealed partial class FakeSlack
{
    /// <summary>The root messages whose thread has a post, in the order they were posted.</summary>
    public IReadOnlyList<FakeSlackMessage> StartedThreads
    {
        get
        {
            var messages = Messages;
            return [.. messages.Where(root => root.ThreadTs is null && messages.Any(m => m.ThreadTs == root.Ts))];
        }
    }
}

using System.Globalization;

namespace IncidentBot.Testing.Fakes.Discord;

/// <summary>
/// The bot records a thread from the answer that created it, after the fake already holds it, and posts in it only
/// after that record. A message in the thread before then is on no incident, so a test that speaks there waits
/// until the thread has a post.
/// </summary>
public sealed partial class FakeDiscord
{
    /// <summary>The ids of the threads that have a post, oldest first.</summary>
    public IReadOnlyList<string> StartedThreads
    {
        get
        {
            var messages = Messages;
            return [.. Threads.Keys.Where(thread => messages.Any(m => m.ChannelId == thread)).OrderBy(thread => long.Parse(thread, CultureInfo.InvariantCulture))];
        }
    }
}

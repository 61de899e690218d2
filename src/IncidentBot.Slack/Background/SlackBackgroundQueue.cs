using System.Threading.Channels;
using IncidentBot.Slack.Diagnostics;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Slack.Background;

/// <summary>
/// The queue between the request path and <see cref="SlackBackgroundWorker"/>. Bounded: under a flood the
/// newest work is dropped and logged rather than holding requests back.
/// </summary>
internal sealed class SlackBackgroundQueue(ILogger<SlackBackgroundQueue> logger)
{
    public const int Capacity = 1024;

    private readonly Channel<SlackBackgroundWork> _channel = Channel.CreateBounded<SlackBackgroundWork>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<SlackBackgroundWork> Reader => _channel.Reader;

    public void Enqueue(SlackBackgroundWork work)
    {
        if (!_channel.Writer.TryWrite(work))
        {
            logger.BackgroundDropped(work.GetType().Name);
        }
    }
}

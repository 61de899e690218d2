using System.Collections.Concurrent;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Discord.Tests.Infrastructure;

/// <summary>Stands in for Core: records what the adapter hands over and answers like Core does, duplicates included.</summary>
internal sealed class RecordingInboundHandler : IInboundHandler
{
    private readonly ConcurrentQueue<InboundEvent> _events = new();
    private readonly ConcurrentDictionary<string, bool> _keys = new();

    public IReadOnlyList<InboundEvent> Events => [.. _events];

    /// <summary>Events that got past de-duplication, as Core would have recorded them.</summary>
    public IReadOnlyList<InboundEvent> Accepted => [.. _events.Where(e => _keys.TryGetValue(e.Context.DedupKey, out var first) && first).DistinctBy(e => e.Context.DedupKey)];

    public Func<InboundEvent, InboundOutcome> Answer { get; set; } =
        _ => new InboundOutcome(InboundResult.Accepted, MessageContent.Plain("Done by the fake core."), null);

    /// <summary>Every event, once recorded, waits for this before it is answered: a slow commit.</summary>
    public Task Hold { get; set; } = Task.CompletedTask;

    public async Task<InboundOutcome> HandleAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        _events.Enqueue(inbound);
        await Hold;
        if (!_keys.TryAdd(inbound.Context.DedupKey, true))
        {
            return InboundOutcome.Duplicate;
        }

        return Answer(inbound);
    }
}

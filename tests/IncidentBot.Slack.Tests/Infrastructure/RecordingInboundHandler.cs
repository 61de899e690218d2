using System.Collections.Concurrent;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Slack.Tests.Infrastructure;

/// <summary>
/// Stands in for Core: records what the adapter hands over, treats a repeated natural key as a duplicate (as
/// the store does) and answers with <see cref="Answer"/>.
/// </summary>
internal sealed class RecordingInboundHandler : IInboundHandler
{
    private readonly ConcurrentQueue<InboundEvent> _accepted = new();
    private readonly ConcurrentDictionary<string, byte> _keys = new();
    private int _calls;

    public Func<InboundEvent, InboundOutcome> Answer { get; set; } =
        _ => new InboundOutcome(InboundResult.Accepted, MessageContent.Plain("done"), null);

    public IReadOnlyList<InboundEvent> Accepted => [.. _accepted];

    public int Calls => Volatile.Read(ref _calls);

    public Task<InboundOutcome> HandleAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (!_keys.TryAdd($"{inbound.Context.Workspace}|{inbound.Context.DedupKey}", 0))
        {
            return Task.FromResult(InboundOutcome.Duplicate);
        }

        var outcome = Answer(inbound);
        if (outcome.Result == InboundResult.Accepted)
        {
            _accepted.Enqueue(inbound);
        }
        else
        {
            _keys.TryRemove($"{inbound.Context.Workspace}|{inbound.Context.DedupKey}", out _);
        }

        return Task.FromResult(outcome);
    }
}

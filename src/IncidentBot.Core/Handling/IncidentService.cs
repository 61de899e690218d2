using IncidentBot.Core.Commands;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Persistence;
using IncidentBot.Core.Policies;

namespace IncidentBot.Core.Handling;

/// <summary>
/// The entry point of the use cases (DESIGN.md §7, the write path). A command is parsed before storage is touched;
/// a malformed one and <c>help</c> are answered at once. Everything else is first decided on committed state, off the
/// write path: a refusal, an ignored input, a duplicate or a read (<c>list</c>, <c>timeline</c>) is answered from
/// that, records nothing and never waits for the writer; nothing is recorded for a refused command, so its retry is
/// decided afresh. Only an input that changes state goes to the <see cref="GroupCommitWriter"/>, which decides it
/// again on the latest state and records its natural key (duplicates of it stop there) with the state change,
/// timeline, audit and outbox rows in one commit. No platform call happens here: what the bot says goes to the outbox.
/// </summary>
public sealed class IncidentService : IInboundHandler
{
    private readonly IIncidentStore _store;
    private readonly TimeProvider _time;
    private readonly InboundDecider _decider;
    private readonly GroupCommitWriter _writer;

    public IncidentService(IIncidentStore store, IncidentPolicy policy, TimeProvider time, ICommitListener? listener = null)
    {
        _store = store;
        _time = time;
        _decider = new InboundDecider(policy);
        _writer = new GroupCommitWriter(store, _decider, time, listener);
    }

    public async Task<InboundOutcome> HandleAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ParseResult? parsed = null;
        if (inbound is CommandInvoked command)
        {
            parsed = CommandParser.Parse(command.Text);
            if (!parsed.Success)
            {
                return InboundOutcome.Refused(parsed.Error.ToString());
            }

            if (parsed.Command is HelpCommand help)
            {
                return ReadUseCases.Help(help);
            }
        }

        await using (var reader = await _store.OpenLookupsAsync(cancellationToken))
        {
            var context = inbound.Context;
            var rehearsal = new DryRunUnitOfWork(reader);
            var outcome = await _decider.DecideAsync(new UseCaseScope(rehearsal, context, _time.GetUtcNow(), cancellationToken), inbound, parsed);
            if (ReadUseCases.OnlyReads(parsed?.Command))
            {
                return outcome;
            }

            if (outcome.Result != InboundResult.Accepted || !rehearsal.Wrote)
            {
                // A redelivery of an input already recorded gets the answer "duplicate", not what its retry would be
                // told on the state it left behind (a second "resolve" would be refused as already resolved).
                return await reader.IsInboundRecordedAsync(context.Workspace, context.DedupKey, cancellationToken)
                    ? InboundOutcome.Duplicate
                    : outcome;
            }
        }

        // What would write is checked for a duplicate by the writer, in the transaction that records its key: a
        // look here first would cost every write a read for the rare redelivery.

        return await _writer.SubmitAsync(inbound, parsed);
    }
}

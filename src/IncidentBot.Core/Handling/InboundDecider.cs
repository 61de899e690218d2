using IncidentBot.Core.Commands;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Policies;
using static IncidentBot.Core.Handling.ApplyStep;

namespace IncidentBot.Core.Handling;

/// <summary>
/// Decides one inbound record on the state its unit of work sees, by handing it to its use-case family. A refusal
/// writes nothing; the caller decides what to do with the writes of an acceptance (keep them, or, in a dry run,
/// none were made).
/// </summary>
internal sealed class InboundDecider
{
    private readonly LifecycleUseCases _lifecycle;
    private readonly UpdateUseCases _updates;
    private readonly AcknowledgementUseCases _acknowledgement;

    public InboundDecider(IncidentPolicy policy)
    {
        var apply = new ApplyStep(policy);
        _lifecycle = new LifecycleUseCases(policy, apply);
        _updates = new UpdateUseCases(policy, apply);
        _acknowledgement = new AcknowledgementUseCases(apply, _lifecycle);
    }

    /// <summary>Decides <paramref name="inbound"/>; a command comes with its parse, made once before any storage is touched.</summary>
    public async Task<InboundOutcome> DecideAsync(UseCaseScope s, InboundEvent inbound, ParseResult? parsed) => inbound switch
    {
        CommandInvoked c => await CommandAsync(s, c, parsed ?? CommandParser.Parse(c.Text)),
        ThreadMessagePosted m => await _updates.HandleThreadMessageAsync(s, m),
        MessageEdited e => await UpdateUseCases.HandleEditAsync(s, e),
        MessageDeleted d => await UpdateUseCases.HandleDeleteAsync(s, d),
        ReactionAdded r => await _acknowledgement.HandleReactionAsync(s, r.MessageId, r.Reaction, added: true),
        ReactionRemoved r => await _acknowledgement.HandleReactionAsync(s, r.MessageId, r.Reaction, added: false),
        ButtonClicked b => await _acknowledgement.HandleButtonAsync(s, b),
        _ => InboundOutcome.Ignored,
    };

    private async Task<InboundOutcome> CommandAsync(UseCaseScope s, CommandInvoked invoked, ParseResult parsed)
    {
        if (!parsed.Success)
        {
            return InboundOutcome.Refused(parsed.Error.ToString());
        }

        switch (parsed.Command)
        {
            case DeclareCommand declare:
                return await _lifecycle.DeclareAsync(s, declare, invoked);
            case ListCommand:
                return await ReadUseCases.ListAsync(s);
            case HelpCommand help:
                return ReadUseCases.Help(help);
        }

        var command = parsed.Command;
        var (incident, problem) = await FindTargetAsync(s, command, invoked.Text);
        if (incident is null)
        {
            return InboundOutcome.Refused(problem!);
        }

        return command switch
        {
            CommanderCommand c => await _acknowledgement.CommanderAsync(s, incident, c.Commander),
            SeverityCommand c => await _lifecycle.SeverityAsync(s, incident, c.Severity),
            StatusCommand c => await _lifecycle.MoveAsync(s, incident, c.Status, c.Text),
            UpdateCommand c => await _updates.UpdateAsync(s, incident, c.Text),
            ImpactCommand c => await _updates.SetFieldAsync(s, incident, c.Text, TimelineKind.ImpactSet),
            SummaryCommand c => await _updates.SetFieldAsync(s, incident, c.Text, TimelineKind.SummarySet),
            NoteCommand c => await _updates.NoteAsync(s, incident, c.Text),
            ActionCommand c => await _updates.ActionAsync(s, incident, c),
            AckCommand => incident.Status.IsActive()
                ? await _acknowledgement.AcknowledgeAsync(s, incident, quietWhenRepeated: false)
                : InboundOutcome.Refused($"{incident.Id} is {incident.Status}: there is nothing to acknowledge."),
            ResolveCommand c => await _lifecycle.MoveAsync(s, incident, IncidentStatus.Resolved, c.Text),
            CloseCommand => await _lifecycle.CloseAsync(s, incident),
            ReopenCommand => await _lifecycle.ReopenAsync(s, incident, null),
            TimelineCommand => await ReadUseCases.TimelineAsync(s, incident),
            PostmortemCommand c => await _lifecycle.PostmortemAsync(s, incident, c),
            _ => InboundOutcome.Refused(CommandUsage.Help(null)),
        };
    }

    private static async Task<(Incident? Incident, string? Problem)> FindTargetAsync(UseCaseScope s, IncidentCommand command, string text)
    {
        if (command.Target is { } id)
        {
            var named = await s.Uow.GetAsync(s.Context.Workspace, id, s.Cancellation);
            return named is null ? (null, UnknownIncident(id)) : (named, null);
        }

        if (await FindThreadIncidentAsync(s) is { } inThread)
        {
            return (inThread, null);
        }

        // Split on any whitespace, as the parser does: "update\nrolled back" is the verb "update".
        var verb = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0].ToLowerInvariant();
        var open = await s.Uow.ListOpenAsync(s.Context.Workspace, s.Context.ChannelId, s.Cancellation);
        return open.Count switch
        {
            1 => (open[0], null),
            0 => (null, $"No open incident here to apply `{verb}` to. Name one: `{CommandUsage.For(verb).Replace("[INC-n]", "INC-42", StringComparison.Ordinal)}`."),
            _ => (null, $"Several incidents are open here ({string.Join(", ", open.Select(i => i.Id))}): name one, e.g. `{verb} {open[0].Id} …`."),
        };
    }
}

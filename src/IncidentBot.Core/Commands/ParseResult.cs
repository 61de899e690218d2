using System.Diagnostics.CodeAnalysis;

namespace IncidentBot.Core.Commands;

/// <summary>Either a command or the error that names what was wrong.</summary>
public sealed record ParseResult
{
    private ParseResult(IncidentCommand? command, CommandError? error)
    {
        Command = command;
        Error = error;
    }

    public IncidentCommand? Command { get; }

    public CommandError? Error { get; }

    [MemberNotNullWhen(true, nameof(Command))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Command is not null;

    public static ParseResult Ok(IncidentCommand command) => new(command, null);

    public static ParseResult Fail(string problem, string usage) => new(null, new CommandError(problem, usage));
}

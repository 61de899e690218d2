using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Commands;

/// <summary>
/// A parsed command (DESIGN.md §2). <see cref="Target"/> is the <c>INC-n</c> written right after the verb,
/// or null when it is to be inferred from the thread or channel.
/// </summary>
public abstract record IncidentCommand(IncidentId? Target);

public sealed record DeclareCommand(Severity Severity, string Title, UserRef? Commander) : IncidentCommand((IncidentId?)null);

public sealed record CommanderCommand(IncidentId? Target, UserRef Commander) : IncidentCommand(Target);

public sealed record SeverityCommand(IncidentId? Target, Severity Severity) : IncidentCommand(Target);

public sealed record StatusCommand(IncidentId? Target, IncidentStatus Status, string? Text) : IncidentCommand(Target);

public sealed record UpdateCommand(IncidentId? Target, string Text) : IncidentCommand(Target);

public sealed record ImpactCommand(IncidentId? Target, string Text) : IncidentCommand(Target);

public sealed record SummaryCommand(IncidentId? Target, string Text) : IncidentCommand(Target);

public sealed record NoteCommand(IncidentId? Target, string Text) : IncidentCommand(Target);

public sealed record ActionCommand(IncidentId? Target, string Text, UserRef? Owner, DateOnly? Due) : IncidentCommand(Target);

public sealed record AckCommand(IncidentId? Target) : IncidentCommand(Target);

public sealed record ResolveCommand(IncidentId? Target, string? Text) : IncidentCommand(Target);

public sealed record CloseCommand(IncidentId? Target) : IncidentCommand(Target);

public sealed record ReopenCommand(IncidentId? Target) : IncidentCommand(Target);

public sealed record TimelineCommand(IncidentId? Target) : IncidentCommand(Target);

/// <summary><c>postmortem</c> regenerates the draft; <c>postmortem done [link]</c> records it as written.</summary>
public sealed record PostmortemCommand(IncidentId? Target, bool Done, string? Link) : IncidentCommand(Target);

public sealed record ListCommand() : IncidentCommand((IncidentId?)null);

public sealed record HelpCommand(string? Topic) : IncidentCommand((IncidentId?)null);

/// <summary><c>pagerduty [INC-n] &lt;id or URL&gt;</c>: link the incident to a PagerDuty incident.</summary>
public sealed record PagerDutyCommand(IncidentId? Target, string PagerDutyId, string? Url) : IncidentCommand(Target);

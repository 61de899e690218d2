using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Core.StatusDocs;

/// <summary>
/// The living status doc (the thread's root message), platform-neutral, shaped like the runbook's example.
/// Adapters render it as Block Kit (Slack) or an embed with components (Discord).
/// </summary>
public sealed record StatusDoc(
    IncidentId Id,
    string Label,
    Severity Severity,
    IncidentStatus Status,
    DateTimeOffset DeclaredAt,
    string? WhatsHappening,
    string? Impact,
    string? CurrentStatusText,
    UserRef Commander,
    UserRef? AcknowledgedBy,
    TimeSpan? TimeToAcknowledge,
    DateTimeOffset? NextUpdateDue,
    DateTimeOffset? AckDue,
    IReadOnlyList<StatusDocEntry> Recent,
    IReadOnlyList<ButtonAction> Buttons);

/// <summary>One line of the doc's timeline: newest first, at most ten.</summary>
public sealed record StatusDocEntry(DateTimeOffset At, string? Author, string Text, bool Key);

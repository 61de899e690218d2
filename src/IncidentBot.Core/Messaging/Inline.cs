namespace IncidentBot.Core.Messaging;

/// <summary>
/// A piece of an outgoing message, platform-neutral. Text pieces are data: each adapter escapes them for its
/// markup, so user text can never ping anyone; only <see cref="UserMention"/> and <see cref="EscalationMention"/> do.
/// </summary>
public abstract record Inline;

public sealed record PlainText(string Value) : Inline;

public sealed record BoldText(string Value) : Inline;

public sealed record CodeText(string Value) : Inline;

/// <summary>Pings one person.</summary>
public sealed record UserMention(string UserId) : Inline;

/// <summary>Pings the configured escalation target (Slack user group or <c>&lt;!here&gt;</c>, Discord role).</summary>
public sealed record EscalationMention : Inline;

/// <summary>A moment, rendered in each reader's local time by the platform.</summary>
public sealed record Timestamp(DateTimeOffset At, TimestampStyle Style) : Inline;

public sealed record LineBreak : Inline;

/// <summary>A link to the incident's thread (a permalink on Slack, a channel mention on Discord).</summary>
public sealed record ThreadLink : Inline;

/// <summary>How a <see cref="Timestamp"/> is shown.</summary>
public enum TimestampStyle
{
    /// <summary>Clock time, e.g. 14:53.</summary>
    Time,

    /// <summary>Date and time.</summary>
    DateTime,

    /// <summary>"in 5 minutes", "3 minutes ago".</summary>
    Relative,
}

using System.Globalization;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Postmortems;

namespace IncidentBot.Core.Tests.Postmortems;

/// <summary>
/// An incident written as its timeline, in the local time of <see cref="Zone"/>, the way the use cases
/// would have stored it. The incident record is kept alongside and set by each test to match.
/// </summary>
internal sealed class ScriptedIncident
{
    private readonly List<TimelineEntry> _timeline = [];
    private readonly List<ActionItem> _actions = [];
    private readonly DateOnly _day;
    private long _nextId = 1;

    public ScriptedIncident(IncidentId id, DateOnly day, TimeZoneInfo zone)
    {
        Id = id;
        _day = day;
        Zone = zone;
    }

    public IncidentId Id { get; }

    public TimeZoneInfo Zone { get; }

    public IReadOnlyList<TimelineEntry> Timeline => _timeline;

    public IReadOnlyList<ActionItem> Actions => _actions;

    /// <summary>A fixed +01:00 zone named CET, so the golden files do not depend on the machine's tz database.</summary>
    public static TimeZoneInfo Cet { get; } = TimeZoneInfo.CreateCustomTimeZone("CET", TimeSpan.FromHours(1), "CET", "CET");

    public IncidentPolicy Policy => IncidentPolicy.Default with { TimeZone = Zone };

    /// <summary>The incident as stored when the draft is rendered; each scenario sets it to match its timeline.</summary>
    public Incident? Incident { get; set; }

    public string Render() =>
        PostmortemRenderer.Render(Incident ?? throw new InvalidOperationException("Set Incident first."), _timeline, _actions, Policy);

    /// <summary><c>"14:15"</c> on the incident's day, or <c>"2026-04-20 08:30"</c>, in the zone, as an instant.</summary>
    public DateTimeOffset At(string local)
    {
        var (day, time) = local.Length > 5
            ? (DateOnly.ParseExact(local[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture), local[11..])
            : (_day, local);
        var wall = day.ToDateTime(TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture));
        return new DateTimeOffset(wall, Zone.GetUtcOffset(wall));
    }

    public TimelineEntry Add(
        string at, TimelineKind kind, UserRef? author, string text, string? detail = null,
        bool key = false, bool deleted = false, IReadOnlyList<TimelineRevision>? revisions = null)
    {
        var id = _nextId++;
        var entry = new TimelineEntry
        {
            Id = id,
            IncidentId = Id,
            At = At(at),
            Kind = kind,
            Author = author,
            Text = text,
            Detail = detail,
            Key = key,
            Deleted = deleted,
            SourceMessageId = kind == TimelineKind.Message ? $"m{id}" : null,
            Revisions = revisions ?? [],
        };
        _timeline.Add(entry);
        return entry;
    }

    public TimelineEntry Message(string at, UserRef author, string text, bool key = false, bool deleted = false) =>
        Add(at, TimelineKind.Message, author, text, key: key, deleted: deleted);

    public TimelineEntry Update(string at, UserRef author, string text) => Add(at, TimelineKind.Update, author, text);

    public TimelineEntry Status(string at, UserRef author, IncidentStatus from, IncidentStatus to, string? text = null) =>
        Add(at, TimelineKind.StatusChanged, author, $"Status: {from} → {to}" + (text is null ? string.Empty : $" — {text}"), to.ToString());

    public TimelineEntry Reminder(string at, string kind, string text) => Add(at, TimelineKind.Reminder, null, text, kind);

    public ActionItem Action(string at, string text, UserRef? owner, DateOnly? due, bool done = false)
    {
        var item = new ActionItem { Id = _actions.Count + 1, IncidentId = Id, Text = text, Owner = owner, Due = due, Done = done, CreatedAt = At(at) };
        _actions.Add(item);
        return item;
    }
}

using IncidentBot.Core.Incidents;
using IncidentBot.Core.Policies;

namespace IncidentBot.Core.Postmortems;

/// <summary>
/// Replays the timeline against the update cadence, the way the reminder planner would have seen it: the
/// clock runs from the last update (or declare, or reopen) while the incident is active; a deadline that
/// passes without an update is one missed update and the next interval starts at it; an update inside the
/// interval is on time; a severity change applies its cadence at once (DESIGN.md §2).
/// </summary>
internal sealed class CadenceWalk(DateTimeOffset declaredAt, Severity severity, IncidentPolicy policy)
{
    private Severity _severity = severity;
    private bool _active = true;
    private DateTimeOffset _anchor = declaredAt;
    private DateTimeOffset _quietSince = declaredAt;

    public int Posted { get; private set; }

    public int Due { get; private set; }

    public int OnTime { get; private set; }

    public bool HadCadence { get; private set; }

    public Silence? Longest { get; private set; }

    /// <summary>Feeds one live entry; entries must come oldest first.</summary>
    public void Observe(TimelineEntry entry)
    {
        CountMissedBefore(entry.At);
        if (_active && StatusChangeText.IsUpdate(entry))
        {
            Posted++;
            if (Cadence is not null)
            {
                Due++;
                OnTime++;
            }

            EndSilence(entry.At);
            _anchor = entry.At;
        }

        switch (entry.Kind)
        {
            case TimelineKind.StatusChanged when Enum.TryParse<IncidentStatus>(entry.Detail, out var status) && Enum.IsDefined(status):
                var wasActive = _active;
                _active = status.IsActive();
                if (wasActive && !_active)
                {
                    EndSilence(entry.At);
                }
                else if (!wasActive && _active)
                {
                    _anchor = _quietSince = entry.At;
                }

                break;
            case TimelineKind.SeverityChanged when SeverityText.TryParse(entry.Detail, out var changed):
                _severity = changed;
                break;
        }

        HadCadence |= _active && Cadence is not null;
    }

    /// <summary>Closes the walk at the last moment the record covers.</summary>
    public void Finish(DateTimeOffset end)
    {
        CountMissedBefore(end);
        if (_active)
        {
            EndSilence(end);
        }
    }

    private TimeSpan? Cadence => policy.For(_severity).UpdateEvery is { } every && every > TimeSpan.Zero ? every : null;

    private void CountMissedBefore(DateTimeOffset at)
    {
        if (!_active || Cadence is not { } every)
        {
            return;
        }

        HadCadence = true;
        if (at - _anchor > every)
        {
            // Deadlines anchor + k·every strictly before `at`, counted without looping over a long silence.
            var missed = ((at - _anchor).Ticks - 1) / every.Ticks;
            _anchor += TimeSpan.FromTicks(every.Ticks * missed);
            Due += (int)Math.Min(missed, int.MaxValue - Due);
        }
    }

    private void EndSilence(DateTimeOffset at)
    {
        var silence = new Silence(_quietSince, at, Cadence);
        if (Longest is null || silence.Length > Longest.Length)
        {
            Longest = silence;
        }

        _quietSince = at;
    }
}

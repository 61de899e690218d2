using IncidentBot.Core.Incidents;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Reminders;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Core.Tests.Support;

/// <summary>
/// What the host's reminder loop does, on a fake clock and with no store: sleep until the earliest due clock,
/// fire what is due and stamp it. <see cref="Down"/> moves the clock without firing, like a stopped process.
/// </summary>
internal sealed class PlannerLoop(Incident incident, IncidentPolicy policy, FakeTimeProvider time)
{
    public Incident Incident { get; set; } = incident;

    public List<(ReminderKind Kind, TimeSpan After)> Fired { get; } = [];

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Time since the incident was declared.</summary>
    public TimeSpan Elapsed => Now - Incident.DeclaredAt;

    public IEnumerable<TimeSpan> FiredAt(ReminderKind kind) => Fired.Where(f => f.Kind == kind).Select(f => f.After);

    /// <summary>Runs the loop until <paramref name="elapsed"/> after the declaration, firing each clock exactly when due.</summary>
    public void RunUntil(TimeSpan elapsed)
    {
        var until = Incident.DeclaredAt + elapsed;
        while (ReminderPlanner.NextDue(Incident, policy) is { } next && next <= until)
        {
            if (next > Now)
            {
                time.SetUtcNow(next);
            }

            Tick();
        }

        if (until > Now)
        {
            time.SetUtcNow(until);
        }
    }

    /// <summary>The process is down: time passes, nothing fires.</summary>
    public void Down(TimeSpan duration) => time.Advance(duration);

    /// <summary>One wake-up of the loop: every clock due now fires once and is stamped.</summary>
    public void Tick()
    {
        foreach (var clock in ReminderPlanner.DueAt(Incident, policy, Now))
        {
            Fired.Add((clock.Kind, Elapsed));
            Incident = ReminderPlanner.Stamp(Incident, clock.Kind, policy, Now);
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;

namespace IncidentBot.ReminderBench;

/// <summary>
/// Wraps the real store and records, for every incident a reminder transaction loaded, how long after the
/// incident's planned reminder time that transaction committed: the moment the reminder "leaves" (it is in the outbox).
/// </summary>
internal class MeasuringStore : DispatchProxy
{
    private IIncidentStore _inner = null!;
    private TimeProvider _time = null!;

    public ConcurrentBag<TimeSpan> Lateness { get; } = [];

    public static (IIncidentStore Store, MeasuringStore Measure) Wrap(IIncidentStore inner, TimeProvider time)
    {
        var proxy = Create<IIncidentStore, MeasuringStore>();
        var measure = (MeasuringStore)(object)proxy;
        measure._inner = inner;
        measure._time = time;
        return (proxy, measure);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        Debug.Assert(targetMethod is not null);
        var result = targetMethod.Invoke(_inner, args);
        return targetMethod.Name == nameof(IIncidentStore.BeginAsync) ? WrapAsync((Task<IIncidentUnitOfWork>)result!) : result;
    }

    private async Task<IIncidentUnitOfWork> WrapAsync(Task<IIncidentUnitOfWork> begin) =>
        MeasuringUnitOfWork.Wrap(await begin, this);

    internal void Record(DateTimeOffset due) => Lateness.Add(_time.GetUtcNow() - due);

    /// <summary>Remembers the incident a reminder transaction loaded, and measures when that transaction commits.</summary>
    internal class MeasuringUnitOfWork : DispatchProxy
    {
        private IIncidentUnitOfWork _inner = null!;
        private MeasuringStore _owner = null!;
        private readonly List<Incident> _loaded = [];

        public static IIncidentUnitOfWork Wrap(IIncidentUnitOfWork inner, MeasuringStore owner)
        {
            var proxy = Create<IIncidentUnitOfWork, MeasuringUnitOfWork>();
            var self = (MeasuringUnitOfWork)(object)proxy;
            self._inner = inner;
            self._owner = owner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            Debug.Assert(targetMethod is not null);
            var result = targetMethod.Invoke(_inner, args);
            return targetMethod.Name switch
            {
                nameof(IIncidentUnitOfWork.GetForReminderAsync) => CaptureAsync((Task<Incident?>)result!),
                nameof(IIncidentUnitOfWork.CommitAsync) => MeasureAsync((Task)result!),
                _ => result,
            };
        }

        private async Task<Incident?> CaptureAsync(Task<Incident?> load)
        {
            var incident = await load;
            if (incident is not null)
            {
                _loaded.Add(incident);
            }

            return incident;
        }

        private async Task MeasureAsync(Task commit)
        {
            await commit;
            foreach (var incident in _loaded)
            {
                if (incident.NextReminderAt is { } due)
                {
                    _owner.Record(due);
                }
            }
        }
    }
}

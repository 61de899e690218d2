namespace IncidentBot.Core.Leases;

/// <summary>
/// Leases for a bot that is the only process on its database (SQLite, tests): held in memory, with the same rules as
/// a shared store, so the code that takes a lease does not care which it has.
/// </summary>
public sealed class InProcessLeases : ILeaseStore
{
    private readonly Dictionary<string, (string Owner, DateTimeOffset Until, string? State)> _leases = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task<LeaseGrant?> TryAcquireAsync(string name, string owner, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var found = _leases.TryGetValue(name, out var lease);
            if (found && lease.Owner != owner && lease.Until > now)
            {
                return Task.FromResult<LeaseGrant?>(null);
            }

            _leases[name] = (owner, now + duration, found ? lease.State : null);
            return Task.FromResult<LeaseGrant?>(new LeaseGrant(found ? lease.State : null));
        }
    }

    public Task<bool> RenewAsync(string name, string owner, DateTimeOffset now, TimeSpan duration, string? state, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_leases.TryGetValue(name, out var lease) || lease.Owner != owner)
            {
                return Task.FromResult(false);
            }

            _leases[name] = (owner, now + duration, state ?? lease.State);
            return Task.FromResult(true);
        }
    }

    public Task ReleaseAsync(string name, string owner, string? state, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_leases.TryGetValue(name, out var lease) && lease.Owner == owner)
            {
                _leases[name] = (owner, DateTimeOffset.MinValue, state);
            }

            return Task.CompletedTask;
        }
    }
}

namespace IncidentBot.Core.Leases;

/// <summary>
/// Named leases (DESIGN.md §8): what exactly one replica may hold at a time, such as a Discord gateway session. A
/// lease is held until it expires; its holder renews it while it lives, so it expires only when the holder is gone.
/// A lease keeps an opaque state that its holder writes and the next holder reads (to resume what the last one had).
/// </summary>
public interface ILeaseStore
{
    /// <summary>
    /// Takes the lease <paramref name="name"/> for <paramref name="owner"/> until <paramref name="now"/> plus
    /// <paramref name="duration"/> when it is free, expired or already the owner's; null when someone else holds it.
    /// </summary>
    Task<LeaseGrant?> TryAcquireAsync(string name, string owner, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>
    /// Extends a lease the owner still holds and stores <paramref name="state"/> (null keeps the stored one); false
    /// when the lease was lost: it expired and another owner took it (an expired lease nobody took is still the owner's).
    /// </summary>
    Task<bool> RenewAsync(string name, string owner, DateTimeOffset now, TimeSpan duration, string? state, CancellationToken cancellationToken);

    /// <summary>Gives the lease up at once, storing <paramref name="state"/> for the next holder.</summary>
    Task ReleaseAsync(string name, string owner, string? state, CancellationToken cancellationToken);
}

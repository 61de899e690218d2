using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Host;

/// <summary>
/// The real outbox store, except that its claims or its outcome writes can be made to fail as a full disk fails them
/// (<see cref="StorageFullException"/>): the dispatcher's side of issue 10, defect 2, without needing a real disk.
/// </summary>
internal sealed class FlakyOutboxStore : IOutboxStore
{
    private IOutboxStore _inner = null!;
    private int _refusedClaims;
    private int _refusedOutcomes;

    public bool FullClaims { get; set; }

    public bool FullOutcomes { get; set; }

    public int RefusedClaims => Volatile.Read(ref _refusedClaims);

    public int RefusedOutcomes => Volatile.Read(ref _refusedOutcomes);

    /// <summary>Puts this decorator over the store the host registered.</summary>
    public static FlakyOutboxStore Install(IServiceCollection services)
    {
        var registered = services.Single(d => d.ServiceType == typeof(IOutboxStore));
        var flaky = new FlakyOutboxStore();
        services.Remove(registered);
        services.AddSingleton<IOutboxStore>(sp =>
        {
            flaky._inner = Resolve(registered, sp);
            return flaky;
        });
        return flaky;
    }

    // The host may register the store as an instance, a type or a factory (the SQL store answers several ports).
    private static IOutboxStore Resolve(ServiceDescriptor registered, IServiceProvider services) =>
        registered.ImplementationInstance as IOutboxStore
        ?? (IOutboxStore?)registered.ImplementationFactory?.Invoke(services)
        ?? (IOutboxStore)ActivatorUtilities.CreateInstance(services, registered.ImplementationType!);

    public Task<IReadOnlyList<OutboxMessage>> ClaimAsync(OutboxClaim claim, CancellationToken cancellationToken) =>
        FullClaims ? Refuse<IReadOnlyList<OutboxMessage>>(ref _refusedClaims) : _inner.ClaimAsync(claim, cancellationToken);

    public Task<DateTimeOffset?> GetNextDueAsync(DateTimeOffset now, string owner, CancellationToken cancellationToken) =>
        _inner.GetNextDueAsync(now, owner, cancellationToken);

    public Task MarkDeliveredAsync(long messageId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Outcome(() => _inner.MarkDeliveredAsync(messageId, at, cancellationToken));

    public Task MarkRootPostedAsync(long messageId, IncidentId id, string rootMessageId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Outcome(() => _inner.MarkRootPostedAsync(messageId, id, rootMessageId, at, cancellationToken));

    public Task MarkThreadOpenedAsync(long messageId, IncidentId id, string threadId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Outcome(() => _inner.MarkThreadOpenedAsync(messageId, id, threadId, at, cancellationToken));

    public Task MarkEditsDeliveredAsync(IncidentId id, long upToId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Outcome(() => _inner.MarkEditsDeliveredAsync(id, upToId, at, cancellationToken));

    public Task RescheduleAsync(long messageId, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken) =>
        Outcome(() => _inner.RescheduleAsync(messageId, nextAttemptAt, reason, cancellationToken));

    public Task ReleaseAsync(long messageId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        Outcome(() => _inner.ReleaseAsync(messageId, nextAttemptAt, cancellationToken));

    public Task MarkFailedAsync(long messageId, DateTimeOffset at, string reason, CancellationToken cancellationToken) =>
        Outcome(() => _inner.MarkFailedAsync(messageId, at, reason, cancellationToken));

    private static Task<T> Refuse<T>(ref int counter)
    {
        Interlocked.Increment(ref counter);
        return Task.FromException<T>(new StorageFullException("disk full (test)"));
    }

    private Task Outcome(Func<Task> write) => FullOutcomes ? Refuse<bool>(ref _refusedOutcomes) : write();
}

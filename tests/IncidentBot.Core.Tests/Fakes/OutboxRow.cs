using IncidentBot.Core.Messaging;

namespace IncidentBot.Core.Tests.Fakes;

/// <summary>An outbox message with the delivery bookkeeping the store keeps beside it.</summary>
internal sealed record OutboxRow(OutboxMessage Message, DateTimeOffset? DeliveredAt, DateTimeOffset? FailedAt)
{
    public bool Pending => DeliveredAt is null && FailedAt is null;
}

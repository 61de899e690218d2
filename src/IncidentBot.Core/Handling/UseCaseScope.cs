using IncidentBot.Core.Inbound;
using IncidentBot.Core.Persistence;

namespace IncidentBot.Core.Handling;

/// <summary>What one decision runs against: the unit of work (or a dry run of one), the input's context and the time.</summary>
internal sealed record UseCaseScope(IIncidentUnitOfWork Uow, InboundContext Context, DateTimeOffset Now, CancellationToken Cancellation);

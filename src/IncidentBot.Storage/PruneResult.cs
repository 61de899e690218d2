namespace IncidentBot.Storage;

/// <summary>What <see cref="StorageMaintenance.PruneAsync"/> removed.</summary>
public sealed record PruneResult(int OutboxRows, int InboundKeys);

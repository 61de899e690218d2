namespace IncidentBot.Core.Tests.Postmortems;

/// <summary>Timing tests run alone, so the other tests of this assembly do not compete with them for the CPU.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class RenderTiming;

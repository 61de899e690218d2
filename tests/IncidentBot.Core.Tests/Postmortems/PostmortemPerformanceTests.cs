using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Tests.Postmortems;

/// <summary>
/// Guards the 200 ms budget for a 10,000-message incident (issue 6) against quadratic slips by counting allocated
/// bytes, which do not depend on how busy the machine is. The timings come from bench/IncidentBot.Bench in Release,
/// not from a timed test.
/// </summary>
public sealed class PostmortemPerformanceTests
{
    [Fact]
    public void Allocations_grow_linearly_with_the_thread()
    {
        var small = Busy(1_000);
        var large = Busy(10_000);
        small.Render();
        large.Render();

        var ratio = (double)Allocated(large) / Allocated(small);

        Assert.InRange(ratio, 5, 15);
    }

    private static long Allocated(ScriptedIncident s)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        s.Render();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static ScriptedIncident Busy(int messages)
    {
        var s = PostmortemScenarios.Sev2PipelineBlocks();
        var bob = new UserRef("U03BOB", "bob");
        for (var i = 0; i < messages; i++)
        {
            s.Message("15:00", bob, $"message {i}: <@U01ALICE> checked `shard-{i % 64}` | p99 {i % 900} ms <b>ok</b>", key: i % 500 == 0);
        }

        return s;
    }
}

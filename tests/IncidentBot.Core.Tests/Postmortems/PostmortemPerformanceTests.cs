using System.Diagnostics;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Tests.Postmortems;

/// <summary>
/// Guards the 200 ms budget for a 10,000-message incident (issue 6) against quadratic slips. The figures
/// themselves come from bench/IncidentBot.Bench in Release; these checks hold in a Debug build on a busy box.
/// </summary>
[Collection(nameof(RenderTiming))]
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

    [Fact]
    public void A_ten_thousand_message_incident_renders_in_well_under_two_seconds_even_unoptimised()
    {
        var s = Busy(10_000);
        s.Render();

        var best = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var started = Stopwatch.GetTimestamp();
            s.Render();
            var took = Stopwatch.GetElapsedTime(started);
            best = took < best ? took : best;
        }

        Assert.True(best < TimeSpan.FromSeconds(2), $"Best of 3 took {best.TotalMilliseconds:F0} ms.");
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

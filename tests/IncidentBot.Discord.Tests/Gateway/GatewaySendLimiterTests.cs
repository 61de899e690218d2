using IncidentBot.Discord.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Discord.Tests.Gateway;

public sealed class GatewaySendLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Other_sends_stop_at_117_in_a_minute_so_heartbeats_keep_three_slots()
    {
        var limiter = new GatewaySendLimiter(_time);
        for (var i = 0; i < 117; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.TryAcquire(heartbeat: false));
        }

        Assert.True(limiter.TryAcquire(heartbeat: false) > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire(heartbeat: true));
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire(heartbeat: true));
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire(heartbeat: true));
        Assert.True(limiter.TryAcquire(heartbeat: true) > TimeSpan.Zero);
    }

    [Fact]
    public void A_slot_frees_when_the_oldest_send_is_a_minute_old()
    {
        var limiter = new GatewaySendLimiter(_time);
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire(heartbeat: false));
        _time.Advance(TimeSpan.FromSeconds(10));
        for (var i = 1; i < 117; i++)
        {
            limiter.TryAcquire(heartbeat: false);
        }

        Assert.Equal(TimeSpan.FromSeconds(50), limiter.TryAcquire(heartbeat: false));

        _time.Advance(TimeSpan.FromSeconds(50));

        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire(heartbeat: false));
    }
}

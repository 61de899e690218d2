using IncidentBot.Core.Inbound;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Policies;
using IncidentBot.Discord.Gateway;
using IncidentBot.Testing.Fakes.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Discord.Tests.Infrastructure;

/// <summary>
/// The adapter wired exactly as the host wires it (<see cref="DiscordSetup.AddDiscord"/>), against a
/// <see cref="FakeDiscord"/> on loopback, with a fake clock, fixed jitter and a recording stand-in for Core.
/// </summary>
internal sealed class DiscordHarness : IAsyncDisposable
{
    /// <summary>The reaction map the host configures by default (the runbook's).</summary>
    public static ReactionMap Reactions { get; } = new(["eyes", "white_check_mark"], ["pushpin"], "white_check_mark");

    private readonly ServiceProvider _services;

    private DiscordHarness(FakeDiscord discord, ServiceProvider services, FakeTimeProvider time, RecordingInboundHandler core, FakeLogCollector logs)
    {
        Discord = discord;
        _services = services;
        Time = time;
        Core = core;
        Logs = logs;
    }

    public FakeDiscord Discord { get; }

    public FakeTimeProvider Time { get; }

    public RecordingInboundHandler Core { get; }

    public FakeLogCollector Logs { get; }

    public IServiceProvider Services => _services;

    public static async Task<DiscordHarness> StartAsync(
        IDictionary<string, string?>? settings = null, double jitter = 0.5, Action<IServiceCollection, FakeDiscord>? configure = null)
    {
        var discord = await FakeDiscord.StartAsync();
        var values = new Dictionary<string, string?>
        {
            ["Discord:BotToken"] = FakeDiscord.BotToken,
            ["Discord:ApplicationId"] = discord.ApplicationId,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl.ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 4, 18, 14, 0, 0, TimeSpan.Zero));
        var core = new RecordingInboundHandler();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddFakeLogging();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug));
        services.AddDiscord(configuration);
        services.AddSingleton<IRandomSource>(new FixedRandom(jitter));
        services.AddSingleton<IInboundHandler>(core);
        services.AddSingleton(Reactions);
        services.AddSingleton(IncidentPolicy.Default);
        configure?.Invoke(services, discord);
        var provider = services.BuildServiceProvider(validateScopes: true);
        return new DiscordHarness(discord, provider, time, core, provider.GetRequiredService<FakeLogCollector>());
    }

    /// <summary>
    /// Moves the fake clock 100 ms at a time until the condition holds and returns how far it moved. Stepping (rather
    /// than one jump) copes with timers the code under test registers a moment after the step that should fire them.
    /// </summary>
    public async Task<TimeSpan> AdvanceUntilAsync(Func<bool> condition, double maxSeconds = 30)
    {
        var moved = TimeSpan.Zero;
        while (!condition())
        {
            Assert.True(moved < TimeSpan.FromSeconds(maxSeconds), $"the clock moved {maxSeconds} s and nothing happened");
            Time.Advance(TimeSpan.FromMilliseconds(100));
            moved += TimeSpan.FromMilliseconds(100);
            await Eventually.QuietAsync(20);
        }

        return moved;
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await FakeClockTeardown.RunAsync(Time, async () =>
        {
            // A test starts the hosted services it needs; stopping all of them ends their calls in flight.
            foreach (var service in _services.GetServices<IHostedService>())
            {
                await service.StopAsync(CancellationToken.None);
            }

            await _services.DisposeAsync();
        });
        await Discord.DisposeAsync();
    }
}

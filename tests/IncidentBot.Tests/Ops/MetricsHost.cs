using System.Diagnostics.Metrics;
using IncidentBot.Core.Diagnostics;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;
using IncidentBot.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace IncidentBot.Tests.Ops;

/// <summary>
/// A small web host with exactly the metrics wiring the real host gets (<c>AddIncidentBotMetrics</c>,
/// <c>MapIncidentBotMetrics</c>, the platforms' instruments), a substitute store and a fake clock.
/// </summary>
internal sealed class MetricsHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _client;

    private MetricsHost(WebApplication app, IIncidentReader store, IStorageHealth health, FakeTimeProvider time)
    {
        _app = app;
        Store = store;
        Health = health;
        Time = time;
        _client = app.GetTestClient();
    }

    public static readonly DateTimeOffset Start = new(2026, 4, 18, 14, 0, 0, TimeSpan.Zero);

    public IIncidentReader Store { get; }

    public IStorageHealth Health { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    public HostMetrics HostMetrics => _app.Services.GetRequiredService<HostMetrics>();

    /// <summary>Starts a host whose store answers <paramref name="open"/>, <paramref name="pending"/> and <paramref name="oldest"/>.</summary>
    public static async Task<MetricsHost> StartAsync(IReadOnlyList<Incident> open, int pending = 0, DateTimeOffset? oldest = null)
    {
        var store = Substitute.For<IIncidentReader>();
        store.ListAsync(true, Arg.Any<CancellationToken>()).Returns(open);
        var health = Substitute.For<IStorageHealth>();
        health.CountPendingOutboxAsync(Arg.Any<CancellationToken>()).Returns(pending);
        health.GetOldestPendingOutboxAsync(Arg.Any<CancellationToken>()).Returns(oldest);
        var time = new FakeTimeProvider(Start);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(health);
        builder.Services.AddSingleton<PlatformMetrics>();
        builder.Services.AddIncidentBotMetrics(builder.Configuration);
        var app = builder.Build();
        app.MapIncidentBotMetrics();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new MetricsHost(app, store, health, time);
    }

    /// <summary>A meter of this host, as an adapter makes it.</summary>
    public Meter Meter(string name) => _app.Services.GetRequiredService<IMeterFactory>().Create(name);

    public async Task<HttpResponseMessage> GetAsync(string path, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await _client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async Task<PrometheusText> ScrapeAsync()
    {
        using var response = await GetAsync(MetricsSetup.Path);
        response.EnsureSuccessStatusCode();
        return new PrometheusText(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Scrapes until <paramref name="done"/> holds (the refresher runs on its own thread).</summary>
    public Task<PrometheusText> ScrapeUntilAsync(Func<PrometheusText, bool> done) => Eventually.MatchAsync(ScrapeAsync, done);

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    public static Incident Incident(int number, Severity severity, IncidentStatus status, DateTimeOffset? acknowledgedAt = null) => new()
    {
        Id = new IncidentId(number),
        Workspace = new WorkspaceId(Platform.Slack, "T1"),
        ChannelId = "C1",
        Title = $"Incident {number}",
        Severity = severity,
        Status = status,
        Commander = new UserRef("U1", "ana"),
        DeclaredBy = new UserRef("U1", "ana"),
        DeclaredAt = Start.AddMinutes(-number),
        AcknowledgedAt = acknowledgedAt,
    };
}

using IncidentBot.Core.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Testing.Host;

/// <summary>
/// The real host, in process, with a fake clock and its own SQLite file (or the database a <see cref="TestEngine"/>
/// made, given as <c>connectionString</c>). Platform fakes are reached through
/// configuration alone (e.g. <c>Slack:ApiBaseUrl</c>), exactly as in production.
/// </summary>
/// <remarks>
/// Generic over the host's entry point so this library needs no reference to the host: each test project that starts
/// it names <c>Program</c> in a one-line <c>BotApplication</c> (<typeparamref name="TSelf"/>).
/// </remarks>
internal abstract class BotHost<TEntryPoint, TSelf> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
    where TSelf : BotHost<TEntryPoint, TSelf>
{
    /// <summary>A Monday, so business-day arithmetic in tests starts from a plain week.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    protected BotHost(
        IReadOnlyDictionary<string, string?>? settings = null,
        DateTimeOffset? start = null,
        string? databasePath = null,
        Action<IServiceCollection>? services = null,
        string? connectionString = null)
    {
        _services = services;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase);
        Time = new FakeTimeProvider(start ?? DefaultStart);
        DatabasePath = databasePath ?? TestEngine.TempDatabase();
        ConnectionString = connectionString ?? $"Data Source={DatabasePath}";
    }

    public FakeTimeProvider Time { get; }

    public string DatabasePath { get; }

    public string ConnectionString { get; }

    /// <summary>Starts the host (migrations, hosted services) without sending a request.</summary>
    public TSelf Start()
    {
        _ = Server;
        return (TSelf)this;
    }

    /// <summary>
    /// Moves the fake clock once nothing in the outbox is due, so no platform call is in flight. A jump taken during
    /// a call would be, to that call's timeout (which runs on this clock), minutes of silence from the platform: it
    /// would time out and park the message until the clock moves again. Real time never jumps under a call.
    /// </summary>
    public async Task AdvanceWhenSettledAsync(TimeSpan by)
    {
        var outbox = Services.GetRequiredService<IOutboxStore>();

        // As no dispatcher: a head claimed and in flight counts as due, so "settled" also means no call is out.
        await Eventually.AssertAsync(
            async () => await outbox.GetNextDueAsync(Time.GetUtcNow(), string.Empty, TestContext.Current.CancellationToken) is not { } next
                || next > Time.GetUtcNow(),
            "the outbox to settle before the clock moves");
        Time.Advance(by);
    }

    public override async ValueTask DisposeAsync()
    {
        await FakeClockTeardown.RunAsync(Time, () => base.DisposeAsync().AsTask());
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:ConnectionString", ConnectionString);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            _services?.Invoke(services);
        });
    }
}

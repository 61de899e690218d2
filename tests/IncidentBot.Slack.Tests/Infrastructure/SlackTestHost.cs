using IncidentBot.Core.Inbound;
using IncidentBot.Core.Messaging;
using IncidentBot.Testing;
using IncidentBot.Testing.Fakes.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Slack.Tests.Infrastructure;

/// <summary>
/// The adapter alone in a small web host on loopback: <c>AddSlack</c> and <c>MapSlack</c> as the real host calls
/// them, a fake clock, and a <see cref="RecordingInboundHandler"/> in Core's place, talking to a <see cref="FakeSlack"/>.
/// </summary>
internal sealed class SlackTestHost : IAsyncDisposable
{
    /// <summary>The reaction map the host configures by default (the runbook's).</summary>
    public static ReactionMap Reactions { get; } = new(["eyes", "white_check_mark"], ["pushpin"], "white_check_mark");

    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    private readonly WebApplication _app;

    private SlackTestHost(WebApplication app, FakeTimeProvider time, RecordingInboundHandler handler)
    {
        _app = app;
        Time = time;
        Handler = handler;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    public FakeTimeProvider Time { get; }

    public RecordingInboundHandler Handler { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<SlackTestHost> StartAsync(FakeSlack slack, bool socketMode = false, bool http = true,
        IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = FakeSlack.BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
            ["Slack:SigningSecret"] = http ? SigningSecret : null,
            ["Slack:AppToken"] = socketMode ? FakeSlack.AppToken : null,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var handler = new RecordingInboundHandler();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IInboundHandler>(handler);
        builder.Services.AddSingleton(Reactions);
        builder.Services.AddSlack(builder.Configuration);
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
        var app = builder.Build();
        app.MapSlack();
        await app.StartAsync();
        return new SlackTestHost(app, time, handler);
    }

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await FakeClockTeardown.RunAsync(Time, async () =>
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        });
    }
}

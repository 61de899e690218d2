using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using IncidentBot.Core.Diagnostics;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Discord.Configuration;
using IncidentBot.Discord.Diagnostics;
using IncidentBot.Discord.Inbound;
using IncidentBot.Discord.Rest;
using IncidentBot.Discord.Wire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Discord.Gateway;

/// <summary>
/// The gateway connection (https://docs.discord.com/developers/events/gateway): thread messages, reactions and
/// (by default) interactions only arrive here. One state machine: connect → Hello → heartbeat (first beat
/// jittered) and Identify or Resume → READY/RESUMED → dispatches, until the connection ends; then resume,
/// identify afresh, or stop, by the reason it ended. A missed heartbeat ACK, op 7 and op 9 with d=true close
/// with 4000 (never 1000/1001, which would end the session) and resume; op 9 with d=false identifies afresh
/// after 1–5 s. Failed attempts back off 1 s doubling to 60 s, jittered. Every wait runs on the TimeProvider.
/// Dispatches go, in order, to <see cref="GatewayEventProcessor"/> on a queue of their own, so slow handling
/// never delays a heartbeat ACK.
/// </summary>
internal sealed class DiscordGatewayClient(
    DiscordRestClient rest,
    GatewayEventProcessor processor,
    GatewaySessionLease sessionLease,
    IOptions<DiscordOptions> options,
    IRandomSource random,
    PlatformMetrics metrics,
    TimeProvider time,
    ILogger<DiscordGatewayClient> logger) : BackgroundService
{

    private readonly Channel<GatewayWork> _work = Channel.CreateUnbounded<GatewayWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly DiscordOptions _options = options.Value;
    private string? _sessionId;
    private Uri? _resumeUrl;
    private long? _sequence;

    private static TimeSpan HelloTimeout => TimeSpan.FromSeconds(30);

    private static TimeSpan LongestBackoff => TimeSpan.FromSeconds(60);

    public string? SessionId => _sessionId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var consumer = ConsumeAsync(stoppingToken);
        try
        {
            await RunAsync(stoppingToken);
        }
        finally
        {
            _work.Writer.TryComplete();
            await consumer;
            await sessionLease.ReleaseAsync();
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var delay = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (delay > TimeSpan.Zero)
            {
                DiscordLog.GatewayWaiting(logger, delay.TotalSeconds);
                await Task.Delay(delay, time, stoppingToken);
            }

            // One replica holds the session (DESIGN.md §8); a successor resumes where the last holder was.
            if (await sessionLease.AcquireAsync(stoppingToken) is { } resume)
            {
                (_sessionId, _resumeUrl, _sequence) = (resume.SessionId, resume.ResumeUrl, resume.Sequence);
            }

            Ending ending;
            using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var holding = sessionLease.HoldAsync(CurrentSession, lost, lost.Token);
            try
            {
                ending = await ConnectOnceAsync(lost.Token);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested
                && e is WebSocketException or HttpRequestException or PlatformUnavailableException or DiscordApiException or OperationCanceledException or JsonException)
            {
                ending = new Ending(_sessionId is null ? GatewayNext.Identify : GatewayNext.Resume, false, e.Message, null);
            }
            finally
            {
                await lost.CancelAsync();
                await holding;
            }

            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            if (ending.Next == GatewayNext.Stop)
            {
                DiscordLog.GatewayStopped(logger, ending.Reason);
                return;
            }

            if (ending.Next == GatewayNext.Identify)
            {
                _sessionId = null;
                _resumeUrl = null;
                _sequence = null;
            }

            failures = ending.ReachedReady ? 0 : failures + 1;
            delay = ending.Delay ?? Backoff(failures);
            metrics.Reconnect(Platform.Discord);
            DiscordLog.GatewayReconnecting(logger, ending.Next.ToString(), ending.Reason);
        }
    }

    private GatewayResumeState? CurrentSession() =>
        _sessionId is { } session && _resumeUrl is { } url ? new GatewayResumeState(session, url, _sequence) : null;

    /// <summary>Immediately after a connection that worked; then 1, 2, 4 … 60 s, each ±25 %.</summary>
    private TimeSpan Backoff(int failures)
    {
        if (failures == 0)
        {
            return TimeSpan.Zero;
        }

        var seconds = Math.Min(LongestBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 10)));
        return TimeSpan.FromSeconds(seconds * (0.75 + (random.NextDouble() / 2)));
    }

    private async Task<Ending> ConnectOnceAsync(CancellationToken stoppingToken)
    {
        var resuming = _sessionId is not null && _resumeUrl is not null;
        var url = resuming ? _resumeUrl! : await DiscoverAsync(stoppingToken);
        var target = new UriBuilder(url) { Query = "v=10&encoding=json" }.Uri;

        using var socket = new ClientWebSocket();
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        DiscordLog.GatewayConnecting(logger, target.GetLeftPart(UriPartial.Path), resuming);
        await socket.ConnectAsync(target, connection.Token);
        using var state = new GatewayConnection(socket, new GatewaySendLimiter(time), connection);
        try
        {
            return await ReceiveLoopAsync(state, resuming, stoppingToken);
        }
        finally
        {
            await connection.CancelAsync();
            if (state.Heartbeat is { } heartbeat)
            {
                await heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task<Uri> DiscoverAsync(CancellationToken cancellationToken)
    {
        if (_options.GatewayUrl is { } configured)
        {
            return configured;
        }

        var bot = await rest.GetGatewayBotAsync(cancellationToken);
        return Uri.TryCreate(bot.Url, UriKind.Absolute, out var url)
            ? url
            : throw new PlatformUnavailableException("GET /gateway/bot answered no usable url.");
    }

    private async Task<Ending> ReceiveLoopAsync(GatewayConnection state, bool resuming, CancellationToken stoppingToken)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using var helloTimeout = new CancellationTokenSource(HelloTimeout, time);
        using var helloLink = helloTimeout.Token.Register(() => state.Cancel.Cancel());
        var reachedReady = false;
        var helloSeen = false;
        while (true)
        {
            GatewayPayload? payload;
            try
            {
                payload = await state.ReceiveAsync(buffer);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is WebSocketException or OperationCanceledException)
            {
                var reason = state.Zombie ? "heartbeat not acknowledged" : !helloSeen && helloTimeout.IsCancellationRequested ? "no Hello in time" : "connection lost: " + e.Message;
                return new Ending(GatewayNext.Resume, reachedReady, reason, null);
            }

            if (payload is null)
            {
                var code = (int?)state.Socket.CloseStatus;
                var (next, fix) = GatewayCloseCodes.Classify(code);
                if (state.Zombie)
                {
                    return new Ending(GatewayNext.Resume, reachedReady, "heartbeat not acknowledged", null);
                }

                return new Ending(next, reachedReady, fix ?? $"closed by Discord ({code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no code"} {state.Socket.CloseStatusDescription})", null);
            }

            switch (payload.Op)
            {
                case GatewayOpcodes.Hello:
                    helloSeen = true;
                    helloLink.Unregister();
                    var interval = TimeSpan.FromMilliseconds(payload.D.Deserialize(DiscordJsonContext.Default.HelloData)?.HeartbeatInterval ?? 41250);
                    state.Heartbeat = state.HeartbeatAsync(interval, () => _sequence, random, time, logger);
                    if (resuming)
                    {
                        await state.SendAsync(new GatewayCommand<ResumeData>(GatewayOpcodes.Resume, new ResumeData(_options.BotToken!, _sessionId!, _sequence)),
                            DiscordJsonContext.Default.GatewayCommandResumeData, heartbeat: false);
                    }
                    else
                    {
                        await state.SendAsync(new GatewayCommand<IdentifyData>(GatewayOpcodes.Identify, Identify()),
                            DiscordJsonContext.Default.GatewayCommandIdentifyData, heartbeat: false);
                    }

                    break;
                case GatewayOpcodes.HeartbeatAck:
                    state.Acked = true;
                    break;
                case GatewayOpcodes.Heartbeat:
                    await state.BeatAsync(_sequence);
                    break;
                case GatewayOpcodes.Reconnect:
                    await state.CloseForResumeAsync("reconnect requested", time);
                    return new Ending(GatewayNext.Resume, reachedReady, "Discord asked to reconnect (op 7)", null);
                case GatewayOpcodes.InvalidSession:
                    await state.CloseForResumeAsync("invalid session", time);
                    return payload.D.ValueKind == JsonValueKind.True
                        ? new Ending(GatewayNext.Resume, reachedReady, "invalid session, resumable (op 9)", null)
                        : new Ending(GatewayNext.Identify, reachedReady, "invalid session (op 9)", TimeSpan.FromSeconds(1 + (4 * random.NextDouble())));
                case GatewayOpcodes.Dispatch:
                    reachedReady |= await DispatchAsync(payload, stoppingToken);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Tracks the sequence, takes the session from READY, and queues the event. True once the session is live.</summary>
    private async Task<bool> DispatchAsync(GatewayPayload payload, CancellationToken cancellationToken)
    {
        if (payload.S is { } sequence)
        {
            _sequence = sequence;
        }

        switch (payload.T)
        {
            case "READY":
                var ready = payload.D.Deserialize(DiscordJsonContext.Default.ReadyData);
                _sessionId = ready?.SessionId;
                _resumeUrl = Uri.TryCreate(ready?.ResumeGatewayUrl, UriKind.Absolute, out var resumeUrl) ? resumeUrl : null;
                var botUserId = ready?.User?.Id;
                DiscordLog.GatewayReady(logger, _sessionId ?? "(none)", botUserId ?? "(unknown)");
                if (botUserId is { } bot)
                {
                    await _work.Writer.WriteAsync(new BackfillWork(bot), cancellationToken);
                }

                return true;
            case "RESUMED":
                DiscordLog.GatewayResumed(logger, _sessionId ?? "(none)", _sequence ?? 0);
                return true;
            case { } type when _sessionId is { } session:
                await _work.Writer.WriteAsync(new DispatchWork(type, payload.D, new DiscordEventMapper.Position(session, payload.S ?? 0)), cancellationToken);
                return false;
            default:
                return false;
        }
    }

    private IdentifyData Identify()
    {
        var os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux";
        return new IdentifyData(_options.BotToken!, GatewayIntents.IncidentBot, new IdentifyProperties(os, "IncidentBot", "IncidentBot"));
    }

    private async Task ConsumeAsync(CancellationToken cancellationToken)
    {
        await foreach (var work in _work.Reader.ReadAllAsync(CancellationToken.None))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            await processor.ProcessAsync(work, cancellationToken);
        }
    }

    /// <summary>Why a connection ended and what comes next; <see cref="Delay"/> overrides the backoff.</summary>
    private sealed record Ending(GatewayNext Next, bool ReachedReady, string Reason, TimeSpan? Delay);
}

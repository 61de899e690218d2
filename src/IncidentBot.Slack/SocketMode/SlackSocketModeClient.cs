using System.Net.WebSockets;
using System.Text.Json;
using IncidentBot.Core.Diagnostics;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Slack.Api;
using IncidentBot.Slack.Background;
using IncidentBot.Slack.Diagnostics;
using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.Wire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Slack.SocketMode;

/// <summary>
/// Socket Mode (<see href="https://docs.slack.dev/apis/events-api/using-socket-mode"/>): open a connection URL
/// with the app-level token, read <c>hello</c>, acknowledge every envelope by <c>envelope_id</c> (a command's
/// reply rides in the ack's <c>payload</c>), stop on <c>link_disabled</c>, and reconnect with backoff on the
/// injected clock when the socket drops. On <c>warning</c> / <c>refresh_requested</c> the connection is handed
/// over, not dropped (DESIGN.md §7, slack.md §5): the next one is opened at once while the warned one is still
/// read and acknowledged until Slack closes it or <see cref="HandOverDeadline"/> passes, because Slack never
/// redelivers a slash command or a click sent on it. Each connection handles its envelopes one at a time, in
/// the order Slack sent them; <see cref="SeenEnvelopes"/> makes one envelope count once across connections.
/// </summary>
internal sealed class SlackSocketModeClient(
    SlackApiClient api,
    SlackInboundProcessor processor,
    SlackBackgroundQueue background,
    PlatformMetrics metrics,
    TimeProvider time,
    ILogger<SlackSocketModeClient> logger) : BackgroundService
{
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a warned connection is read at most. Slack closes it about 10 s after <c>warning</c> (slack.md §5);
    /// this leaves room for that and ends a connection Slack forgot.
    /// </summary>
    public static readonly TimeSpan HandOverDeadline = TimeSpan.FromSeconds(30);

    private readonly SeenEnvelopes _seen = new(2048);

    /// <summary>0 the first time (reconnect at once), then 1, 2, 4 … seconds, at most <see cref="MaxBackoff"/>.</summary>
    public static TimeSpan Backoff(int failures) =>
        failures <= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - 2), MaxBackoff.TotalSeconds));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var handOvers = new List<Task>();
        try
        {
            await RunAsync(handOvers, stoppingToken);
        }
        finally
        {
            // A warned connection being read when the host stops ends with it (the token is the host's).
            await Task.WhenAll(handOvers);
        }
    }

    private async Task RunAsync(List<Task> handOvers, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            handOvers.RemoveAll(t => t.IsCompleted);
            ClientWebSocket? socket = null;
            ConnectionEnd end;
            try
            {
                socket = await OpenAsync(stoppingToken);
                end = await ReadAsync(socket, () => failures = 0, stoppingToken, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                socket?.Dispose();
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever broke this connection (network, Slack, a malformed frame), the client must come back.
                socket?.Dispose();
                failures++;
                var delay = Backoff(failures) + (e is PlatformUnavailableException { RetryAfter: { } after } ? after : TimeSpan.Zero);
                logger.SocketLost(e, delay);
                metrics.Reconnect(Platform.Slack);
                if (!await DelayAsync(delay, stoppingToken))
                {
                    return;
                }

                continue;
            }

            switch (end)
            {
                case ConnectionEnd.Refresh:
                    // Keep reading it while the loop opens the next connection right away.
                    metrics.Reconnect(Platform.Slack);
                    handOvers.Add(HandOverAsync(socket, stoppingToken));
                    break;
                case ConnectionEnd.LinkDisabled:
                    await SocketFrames.CloseAsync(socket);
                    logger.SocketLinkDisabled();
                    return;
                default:
                    await SocketFrames.CloseAsync(socket);
                    metrics.Reconnect(Platform.Slack);
                    failures++;
                    if (!await DelayAsync(Backoff(failures), stoppingToken))
                    {
                        return;
                    }

                    break;
            }
        }
    }

    private async Task<ClientWebSocket> OpenAsync(CancellationToken stoppingToken)
    {
        var url = await api.OpenConnectionAsync(stoppingToken);
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(url, stoppingToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Reads the warned connection until Slack closes it or the deadline passes, acknowledging as usual.</summary>
    private async Task HandOverAsync(ClientWebSocket socket, CancellationToken stoppingToken)
    {
        using var deadline = new CancellationTokenSource(HandOverDeadline, time);
        using var receive = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, deadline.Token);
        // Off the caller's path: frames already waiting on this socket must not delay opening the next one.
        await Task.Yield();
        var outcome = "was closed by Slack";
        try
        {
            // A second disconnect frame on it changes nothing: it is already being replaced.
            while (await ReadAsync(socket, static () => { }, receive.Token, stoppingToken) != ConnectionEnd.Closed)
            {
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            outcome = "was still open at the deadline; closed it";
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            outcome = "ended with the host";
        }
        catch (Exception e)
        {
            // Whatever ends it early, the new connection carries on; what was not acknowledged Slack sends again.
            outcome = "dropped: " + e.Message;
        }
        finally
        {
            await SocketFrames.CloseAsync(socket);
        }

        logger.HandOverEnded(outcome);
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return true;
        }

        try
        {
            await Task.Delay(delay, time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads frames until Slack asks to move (<c>disconnect</c>) or the socket closes. Waiting for a frame stops
    /// with <paramref name="receiveToken"/>; an envelope already received is finished on <paramref name="stoppingToken"/>.
    /// </summary>
    private async Task<ConnectionEnd> ReadAsync(ClientWebSocket socket, Action connected, CancellationToken receiveToken, CancellationToken stoppingToken)
    {
        while (socket.State == WebSocketState.Open)
        {
            if (await SocketFrames.ReceiveAsync(socket, receiveToken) is not { } frame)
            {
                return ConnectionEnd.Closed;
            }

            var envelope = JsonSerializer.Deserialize(frame, SlackJsonContext.Default.SocketEnvelope);
            switch (envelope?.Type)
            {
                case "hello":
                    connected();
                    logger.SocketConnected(envelope.NumConnections ?? 1);
                    // Events sent while we were away may be gone for good; read the open threads again.
                    background.Enqueue(new CatchUpThreads());
                    break;
                case "disconnect":
                    logger.SocketDisconnect(envelope.Reason ?? "unknown");
                    return envelope.Reason == "link_disabled" ? ConnectionEnd.LinkDisabled : ConnectionEnd.Refresh;
                case "events_api" or "slash_commands" or "interactive" when envelope.EnvelopeId is { Length: > 0 } id:
                    await HandleEnvelopeAsync(socket, id, envelope, stoppingToken);
                    break;
            }
        }

        return ConnectionEnd.Closed;
    }

    private async Task HandleEnvelopeAsync(ClientWebSocket socket, string id, SocketEnvelope envelope, CancellationToken stoppingToken)
    {
        SlackReply? reply;
        if (_seen.Claim(id) is { } first)
        {
            // Delivered before, maybe on the other connection of a hand-over: acknowledge with the same reply.
            metrics.Inbound(Platform.Slack, InboundSource.Socket, "duplicate");
            try
            {
                reply = await first.WaitAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The first delivery failed and stays unacknowledged, so this one does too: Slack sends it again.
                return;
            }
        }
        else
        {
            try
            {
                reply = await ProcessAsync(envelope, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Not acknowledged: Slack delivers it again, and the natural keys keep a half-done one from counting twice.
                _seen.Fail(id, e);
                logger.EnvelopeFailed(e, id, envelope.Type);
                return;
            }
            catch (OperationCanceledException e)
            {
                _seen.Fail(id, e);
                throw;
            }

            _seen.Complete(id, reply);
        }

        await SocketFrames.AckAsync(socket, id, envelope.AcceptsResponsePayload ? reply : null, stoppingToken);
    }

    private async Task<SlackReply?> ProcessAsync(SocketEnvelope envelope, CancellationToken cancellationToken)
    {
        switch (envelope.Type)
        {
            case "events_api":
                if (envelope.Payload.Deserialize(SlackJsonContext.Default.EventEnvelope) is { } events)
                {
                    await processor.EventAsync(events, InboundSource.Socket, cancellationToken);
                }

                return null;
            case "slash_commands":
                return envelope.Payload.Deserialize(SlackJsonContext.Default.SlashCommandPayload) is { } command
                    ? await processor.CommandAsync(command, InboundSource.Socket, cancellationToken)
                    : null;
            default:
                return envelope.Payload.Deserialize(SlackJsonContext.Default.InteractionPayload) is { } interaction
                    ? await processor.InteractionAsync(interaction, InboundSource.Socket, cancellationToken)
                    : null;
        }
    }
}

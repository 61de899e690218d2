using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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
/// reply rides in the ack's <c>payload</c>), move to a fresh URL on <c>warning</c> / <c>refresh_requested</c>,
/// stop on <c>link_disabled</c>, and reconnect with backoff on the injected clock when the socket drops.
/// Envelopes are handled one at a time, in the order Slack sent them.
/// </summary>
internal sealed class SlackSocketModeClient(
    SlackApiClient api,
    SlackInboundProcessor processor,
    SlackBackgroundQueue background,
    SlackMetrics metrics,
    TimeProvider time,
    ILogger<SlackSocketModeClient> logger) : BackgroundService
{
    /// <summary>Slack does not state a frame limit; a modal's payload is the largest and stays far below this.</summary>
    public const int MaxFrameBytes = 4 * 1024 * 1024;

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly SeenEnvelopes _seen = new(2048);

    /// <summary>0 the first time (reconnect at once), then 1, 2, 4 … seconds, at most <see cref="MaxBackoff"/>.</summary>
    public static TimeSpan Backoff(int failures) =>
        failures <= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - 2), MaxBackoff.TotalSeconds));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            ConnectionEnd end;
            try
            {
                end = await RunConnectionAsync(() => failures = 0, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever broke this connection (network, Slack, a malformed frame), the client must come back.
                failures++;
                var delay = Backoff(failures) + (e is PlatformUnavailableException { RetryAfter: { } after } ? after : TimeSpan.Zero);
                logger.SocketLost(e, delay);
                metrics.Reconnect();
                if (!await DelayAsync(delay, stoppingToken))
                {
                    return;
                }

                continue;
            }

            switch (end)
            {
                case ConnectionEnd.LinkDisabled:
                    logger.SocketLinkDisabled();
                    return;
                case ConnectionEnd.Closed:
                    failures++;
                    metrics.Reconnect();
                    if (!await DelayAsync(Backoff(failures), stoppingToken))
                    {
                        return;
                    }

                    break;
                default:
                    metrics.Reconnect();
                    break;
            }
        }
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

    private async Task<ConnectionEnd> RunConnectionAsync(Action connected, CancellationToken stoppingToken)
    {
        var url = await api.OpenConnectionAsync(stoppingToken);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(url, stoppingToken);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                if (await ReceiveAsync(socket, stoppingToken) is not { } frame)
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
        finally
        {
            await CloseQuietlyAsync(socket);
        }
    }

    private async Task HandleEnvelopeAsync(ClientWebSocket socket, string id, SocketEnvelope envelope, CancellationToken stoppingToken)
    {
        if (_seen.Contains(id))
        {
            metrics.Inbound(InboundSource.Socket, "duplicate");
            await AckAsync(socket, id, null, stoppingToken);
            return;
        }

        JsonObject? reply;
        try
        {
            reply = await ProcessAsync(envelope, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Not acknowledged: Slack delivers it again, and the natural keys keep a half-done one from counting twice.
            logger.EnvelopeFailed(e, id, envelope.Type);
            return;
        }

        _seen.Add(id);
        await AckAsync(socket, id, envelope.AcceptsResponsePayload ? reply : null, stoppingToken);
    }

    private async Task<JsonObject?> ProcessAsync(SocketEnvelope envelope, CancellationToken cancellationToken)
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

    private static async Task AckAsync(ClientWebSocket socket, string id, JsonObject? payload, CancellationToken cancellationToken)
    {
        var ack = new JsonObject { ["envelope_id"] = id };
        if (payload is not null)
        {
            ack["payload"] = payload;
        }

        await socket.SendAsync(Encoding.UTF8.GetBytes(ack.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken);
    }

    /// <summary>One whole text frame, or null when the socket closed.</summary>
    private static async Task<byte[]?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxFrameBytes)
            {
                throw new WebSocketException(WebSocketError.Faulted, "Socket Mode frame too large.");
            }

            if (result.EndOfMessage)
            {
                return message.ToArray();
            }
        }
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), TimeProvider.System);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // The other side is gone already; nothing to tell it.
        }
    }
}

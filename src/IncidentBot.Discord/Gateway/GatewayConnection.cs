using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IncidentBot.Discord.Diagnostics;
using IncidentBot.Discord.Wire;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Discord.Gateway;

/// <summary>One WebSocket connection to the gateway and its state, shared by its receive loop and its heartbeat.</summary>
internal sealed class GatewayConnection(ClientWebSocket socket, GatewaySendLimiter limiter, CancellationTokenSource cancel) : IDisposable
{
    /// <summary>Discord's own payloads stay far below this; a larger one is a broken or hostile peer.</summary>
    private const int MaxFrameBytes = 8 * 1024 * 1024;

    /// <summary>Not 1000/1001: those would end the session we mean to resume.</summary>
    private const int ResumeCloseCode = 4000;

    private volatile bool _acked = true;
    private volatile bool _zombie;

    public ClientWebSocket Socket => socket;

    public GatewaySendLimiter Limiter => limiter;

    public CancellationTokenSource Cancel => cancel;

    public SemaphoreSlim SendLock { get; } = new(1, 1);

    public Task? Heartbeat { get; set; }

    /// <summary>Whether the last heartbeat was acknowledged (true before the first).</summary>
    public bool Acked
    {
        get => _acked;
        set => _acked = value;
    }

    /// <summary>Set when an ACK was missed: the connection is dead even if the socket looks open.</summary>
    public bool Zombie
    {
        get => _zombie;
        set => _zombie = value;
    }

    public void Dispose() => SendLock.Dispose();

    /// <summary>One command, behind the send rate limit (heartbeats have room of their own) and one send at a time.</summary>
    public async Task SendAsync<T>(T command, JsonTypeInfo<T> type, bool heartbeat)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(command, type);
        await Limiter.AcquireAsync(heartbeat, Cancel.Token);
        await SendLock.WaitAsync(Cancel.Token);
        try
        {
            await Socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, Cancel.Token);
        }
        finally
        {
            SendLock.Release();
        }
    }

    /// <summary>Beats every <paramref name="interval"/> until the connection ends; a beat not acknowledged makes it a zombie, closed for a resume.</summary>
    public async Task HeartbeatAsync(TimeSpan interval, Func<long?> sequence, IRandomSource random, TimeProvider time, ILogger logger)
    {
        var token = Cancel.Token;
        try
        {
            // The first beat is jittered so a fleet reconnecting at once does not beat in step.
            await Task.Delay(interval * random.NextDouble(), time, token);
            while (!token.IsCancellationRequested)
            {
                if (!Acked)
                {
                    Zombie = true;
                    DiscordLog.HeartbeatMissed(logger);
                    await CloseForResumeAsync("heartbeat not acknowledged", time);
                    await Cancel.CancelAsync();
                    return;
                }

                Acked = false;
                await BeatAsync(sequence());
                await Task.Delay(interval, time, token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection is ending; the receive loop decides what comes next.
        }
    }

    public Task BeatAsync(long? sequence) =>
        SendAsync(new GatewayCommand<long?>(GatewayOpcodes.Heartbeat, sequence), DiscordJsonContext.Default.GatewayCommandNullableInt64, heartbeat: true);

    /// <summary>Closes with 4000, not 1000/1001: those would end the session we mean to resume.</summary>
    public async Task CloseForResumeAsync(string reason, TimeProvider time)
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
        try
        {
            await SendLock.WaitAsync(grace.Token);
            try
            {
                if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await Socket.CloseOutputAsync((WebSocketCloseStatus)ResumeCloseCode, reason, grace.Token);
                }
            }
            finally
            {
                SendLock.Release();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Already gone: nothing to close.
        }
    }

    /// <summary>The next whole message, or null when the server closed; uses <paramref name="buffer"/> for the frames.</summary>
    public async Task<GatewayPayload?> ReceiveAsync(ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(8 * 1024), cancel.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxFrameBytes)
            {
                throw new WebSocketException("A gateway message exceeded 8 MiB.");
            }

            if (result.EndOfMessage)
            {
                return JsonSerializer.Deserialize(buffer.WrittenSpan, DiscordJsonContext.Default.GatewayPayload);
            }
        }
    }
}

using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace IncidentBot.Testing.Fakes.Slack;

/// <summary>
/// The fake's Socket Mode side (slack.md §5): every connection the bot opens is kept and numbered, so a test can
/// warn one (<c>disconnect</c>), keep delivering on it while the bot opens the next, and close it as Slack does
/// ~10 s later. Like Slack, it re-sends an <c>events_api</c> envelope that was not acknowledged when its connection
/// ended (a new envelope id, <c>retry_attempt</c> + 1) and never re-sends slash commands or interactions.
/// </summary>
public sealed partial class FakeSlack
{
    private readonly List<FakeSlackSocket> _sockets = [];
    private readonly List<FakeSlackAck> _acks = [];
    private readonly List<JsonObject> _retries = [];

    /// <summary>Whether a new Socket Mode connection is greeted with <c>hello</c>.</summary>
    public bool SendHello { get; set; } = true;

    /// <summary>Connections accepted so far; the newest is number <see cref="SocketsAccepted"/>.</summary>
    public int SocketsAccepted
    {
        get
        {
            lock (_lock)
            {
                return _sockets.Count;
            }
        }
    }

    /// <summary>Whether the newest connection is open.</summary>
    public bool SocketConnected
    {
        get
        {
            lock (_lock)
            {
                return _sockets.Count > 0 && _sockets[^1].Open;
            }
        }
    }

    /// <summary>Whether connection <paramref name="number"/> (1-based) is still open.</summary>
    public bool SocketOpen(int number)
    {
        lock (_lock)
        {
            return number >= 1 && number <= _sockets.Count && _sockets[number - 1].Open;
        }
    }

    public IReadOnlyList<FakeSlackAck> Acks => Snapshot(_acks);

    /// <summary>
    /// While true, acknowledgements are lost on the way: the bot acted, Slack never heard, so events stay pending
    /// and are re-sent when their connection ends.
    /// </summary>
    public bool LoseAcks { get; set; }

    /// <summary>
    /// Sends a Socket Mode envelope on connection <paramref name="connection"/> (default: the newest); returns its
    /// envelope id. Events carry <c>retry_attempt</c>/<c>retry_reason</c> as Slack's do.
    /// </summary>
    public async Task<string> SendEnvelopeAsync(
        string type, JsonNode payload, bool acceptsResponsePayload = false, string? envelopeId = null, int? connection = null, int retryAttempt = 0)
    {
        var id = envelopeId ?? Guid.NewGuid().ToString();
        var frame = new JsonObject
        {
            ["envelope_id"] = id,
            ["type"] = type,
            ["payload"] = payload.DeepClone(),
            ["accepts_response_payload"] = acceptsResponsePayload,
        };
        if (type == "events_api")
        {
            frame["retry_attempt"] = retryAttempt;
            frame["retry_reason"] = retryAttempt == 0 ? string.Empty : "timeout";
        }

        var socket = SocketFor(connection);
        if (type == "events_api")
        {
            lock (_lock)
            {
                socket.PendingEvents[id] = frame;
            }
        }

        await socket.SendAsync(frame.ToJsonString());
        return id;
    }

    public Task SendFrameAsync(string json, int? connection = null) => SocketFor(connection).SendAsync(json);

    /// <summary>Sends a <c>disconnect</c> frame on connection <paramref name="connection"/> (default: the newest), as Slack does before moving it.</summary>
    public Task DisconnectAsync(string reason, int? connection = null) =>
        SendFrameAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "fake" } }.ToJsonString(), connection);

    /// <summary>Closes connection <paramref name="number"/> with a close handshake, as Slack ends a warned connection.</summary>
    public async Task CloseSocketAsync(int number)
    {
        var socket = SocketFor(number);
        try
        {
            await socket.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "refresh", CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            // Already gone.
        }
    }

    /// <summary>Closes every connection without notice (the network went away).</summary>
    public void DropSocket()
    {
        lock (_lock)
        {
            foreach (var socket in _sockets)
            {
                socket.Socket.Abort();
            }
        }
    }

    private void DisposeSockets()
    {
        lock (_lock)
        {
            foreach (var socket in _sockets)
            {
                socket.Dispose();
            }
        }
    }

    private FakeSlackSocket SocketFor(int? number)
    {
        lock (_lock)
        {
            if (_sockets.Count == 0)
            {
                throw new InvalidOperationException("No Socket Mode connection.");
            }

            return number is { } n ? _sockets[n - 1] : _sockets[^1];
        }
    }

    private async Task HandleSocketAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest || Down)
        {
            http.Response.StatusCode = Down ? 503 : 400;
            return;
        }

        using var webSocket = await http.WebSockets.AcceptWebSocketAsync();
        FakeSlackSocket socket;
        lock (_lock)
        {
            socket = new FakeSlackSocket(_sockets.Count + 1, webSocket);
            _sockets.Add(socket);
        }

        if (SendHello)
        {
            await socket.SendAsync("""{"type":"hello","num_connections":1,"debug_info":{"host":"fake","approximate_connection_time":18060},"connection_info":{"app_id":"A0FAKE"}}""");
            await SendRetriesAsync(socket);
        }

        try
        {
            await ReadAcksAsync(socket, http.RequestAborted);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The bot went away; the test sees it through SocketConnected.
        }
        finally
        {
            await ConnectionEndedAsync(socket);
        }
    }

    private async Task ReadAcksAsync(FakeSlackSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (socket.Socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.Socket.ReceiveAsync(buffer, cancellationToken);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (socket.Socket.State == WebSocketState.CloseReceived)
                {
                    await socket.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                }

                return;
            }

            if (!LoseAcks && JsonNode.Parse(message.ToArray()) is JsonObject ack && ack["envelope_id"]?.GetValue<string>() is { } envelopeId)
            {
                lock (_lock)
                {
                    _acks.Add(new FakeSlackAck(envelopeId, ack["payload"]?.DeepClone(), socket.Number));
                    foreach (var open in _sockets)
                    {
                        open.PendingEvents.Remove(envelopeId);
                    }
                }
            }
        }
    }

    /// <summary>What was sent on a connection that ended unacknowledged is retried on the newest open one, if any.</summary>
    private async Task ConnectionEndedAsync(FakeSlackSocket socket)
    {
        FakeSlackSocket? next;
        lock (_lock)
        {
            foreach (var frame in socket.PendingEvents.Values)
            {
                var retry = (JsonObject)frame.DeepClone();
                retry["envelope_id"] = Guid.NewGuid().ToString();
                retry["retry_attempt"] = frame["retry_attempt"]!.GetValue<int>() + 1;
                retry["retry_reason"] = "timeout";
                _retries.Add(retry);
            }

            socket.PendingEvents.Clear();
            next = _sockets.LastOrDefault(s => s.Open && s != socket);
        }

        if (next is not null)
        {
            try
            {
                await SendRetriesAsync(next);
            }
            catch (WebSocketException)
            {
                // That one went too; the retries wait for the next connection.
            }
        }
    }

    private async Task SendRetriesAsync(FakeSlackSocket socket)
    {
        List<JsonObject> retries;
        lock (_lock)
        {
            retries = [.. _retries];
            _retries.Clear();
            foreach (var retry in retries)
            {
                socket.PendingEvents[retry["envelope_id"]!.GetValue<string>()] = retry;
            }
        }

        foreach (var retry in retries)
        {
            await socket.SendAsync(retry.ToJsonString());
        }
    }
}

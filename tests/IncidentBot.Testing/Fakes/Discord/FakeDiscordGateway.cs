using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace IncidentBot.Testing.Fakes.Discord;

/// <summary>
/// The fake gateway: Hello on connect, READY for Identify, replay + RESUMED for Resume, ACK for heartbeats
/// (unless told not to); a log of dispatches per session, so a resumed client gets what it missed. Tests push
/// dispatches, send opcodes, close with a code or drop the connection without one.
/// </summary>
public sealed class FakeDiscordGateway(FakeDiscord discord) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<ClientFrame> _frames = [];
    private readonly List<int?> _clientCloses = [];
    private readonly List<string> _queries = [];
    private readonly Dictionary<string, List<GatewayEvent>> _sessions = [];
    private WebSocket? _socket;
    private CancellationTokenSource? _connectionCancel;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private string? _session;
    private int _connections;
    private int _sessionCount;

    public int HeartbeatIntervalMs { get; set; } = 45_000;

    public bool AckHeartbeats { get; set; } = true;

    /// <summary>On resume, also replay this many events the client already had (Discord may deliver twice).</summary>
    public int ResumeOverlap { get; set; }

    /// <summary>Close every connection with this code as soon as it identifies (a flapping gateway).</summary>
    public int? CloseOnIdentify { get; set; }

    /// <summary>Answer a Resume with op 9 (d=false) instead of replaying.</summary>
    public bool RefuseResume { get; set; }

    /// <summary>Leave an Identify unanswered (no READY, so no sequence number yet).</summary>
    public bool HoldReady { get; set; }

    public int Connections
    {
        get
        {
            lock (_lock)
            {
                return _connections;
            }
        }
    }

    public bool IsConnected
    {
        get
        {
            lock (_lock)
            {
                return _socket is { State: WebSocketState.Open };
            }
        }
    }

    public string? SessionId
    {
        get
        {
            lock (_lock)
            {
                return _session;
            }
        }
    }

    public IReadOnlyList<ClientFrame> Frames
    {
        get
        {
            lock (_lock)
            {
                return [.. _frames];
            }
        }
    }

    /// <summary>Close codes the client sent, in order (null: it dropped the connection without one).</summary>
    public IReadOnlyList<int?> ClientCloses
    {
        get
        {
            lock (_lock)
            {
                return [.. _clientCloses];
            }
        }
    }

    /// <summary>The query string of each connection, e.g. <c>?v=10&amp;encoding=json</c>.</summary>
    public IReadOnlyList<string> Queries
    {
        get
        {
            lock (_lock)
            {
                return [.. _queries];
            }
        }
    }

    public IReadOnlyList<ClientFrame> FramesWithOp(int op) => [.. Frames.Where(f => f.Op == op)];

    /// <summary>Appends a dispatch to the current session's log and sends it if a client is connected.</summary>
    public async Task<long> DispatchAsync(string type, JsonNode data)
    {
        GatewayEvent dispatch;
        WebSocket? socket;
        lock (_lock)
        {
            var log = _sessions[_session ?? throw new InvalidOperationException("No session yet.")];
            dispatch = new GatewayEvent(log.Count + 1, type, data.DeepClone());
            log.Add(dispatch);
            socket = _socket;
        }

        if (socket is { State: WebSocketState.Open })
        {
            await SendAsync(socket, Dispatch(dispatch));
        }

        return dispatch.Sequence;
    }

    public async Task SendOpAsync(int op, JsonNode? data)
    {
        if (CurrentSocket() is { } socket)
        {
            await SendAsync(socket, new JsonObject { ["op"] = op, ["d"] = data, ["s"] = null, ["t"] = null });
        }
    }

    public async Task CloseAsync(int code)
    {
        if (CurrentSocket() is { State: WebSocketState.Open } socket)
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "fake close", CancellationToken.None);
        }
    }

    /// <summary>Drops the TCP connection without a close frame, as a network failure would.</summary>
    public void Drop()
    {
        lock (_lock)
        {
            _socket?.Abort();
            _connectionCancel?.Cancel();
        }
    }

    internal async Task RunAsync(WebSocket socket, string query, CancellationToken stopping)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        int connection;
        lock (_lock)
        {
            _queries.Add(query);
            _socket = socket;
            _connectionCancel = cancel;
            connection = ++_connections;
        }

        try
        {
            await SendAsync(socket, new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatIntervalMs } });
            var buffer = new byte[64 * 1024];
            while (true)
            {
                var text = new StringBuilder();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, cancel.Token);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        lock (_lock)
                        {
                            _clientCloses.Add((int?)result.CloseStatus);
                        }

                        return;
                    }

                    text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
                while (!result.EndOfMessage);

                await OnClientFrameAsync(socket, connection, JsonNode.Parse(text.ToString())!.AsObject());
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            lock (_lock)
            {
                if (!stopping.IsCancellationRequested && _connectionCancel == cancel && !cancel.IsCancellationRequested)
                {
                    _clientCloses.Add(null);
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                if (_socket == socket)
                {
                    _socket = null;
                    _connectionCancel = null;
                }
            }
        }
    }

    private async Task OnClientFrameAsync(WebSocket socket, int connection, JsonObject frame)
    {
        var op = frame["op"]!.GetValue<int>();
        var data = frame["d"];
        lock (_lock)
        {
            _frames.Add(new ClientFrame(connection, op, data?.DeepClone(), frame.ContainsKey("d")));
        }

        switch (op)
        {
            case 1 when AckHeartbeats:
                await SendAsync(socket, new JsonObject { ["op"] = 11 });
                break;
            case 2 when CloseOnIdentify is { } code:
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, "fake close on identify", CancellationToken.None);
                break;
            case 2 when HoldReady:
                break;
            case 2:
                await ReadyAsync(socket);
                break;
            case 6:
                await ResumeAsync(socket, data!["session_id"]!.GetValue<string>(), data["seq"]?.GetValue<long>() ?? 0);
                break;
            default:
                break;
        }
    }

    private async Task ReadyAsync(WebSocket socket)
    {
        string session;
        lock (_lock)
        {
            session = $"session-{++_sessionCount}";
            _session = session;
            _sessions[session] = [];
        }

        var ready = new JsonObject
        {
            ["v"] = 10,
            ["user"] = new JsonObject { ["id"] = discord.BotUserId, ["username"] = "IncidentBot", ["bot"] = true },
            ["guilds"] = new JsonArray(new JsonObject { ["id"] = discord.GuildId, ["unavailable"] = true }),
            ["session_id"] = session,
            ["resume_gateway_url"] = discord.GatewayUrl.ToString(),
            ["application"] = new JsonObject { ["id"] = discord.ApplicationId, ["flags"] = 0 },
            ["_trace"] = new JsonArray("fake-gateway"),
        };
        long sequence;
        lock (_lock)
        {
            var log = _sessions[session];
            log.Add(new GatewayEvent(log.Count + 1, "READY", ready));
            sequence = log.Count;
        }

        await SendAsync(socket, Dispatch(new GatewayEvent(sequence, "READY", ready)));
    }

    private async Task ResumeAsync(WebSocket socket, string session, long after)
    {
        List<GatewayEvent> missed;
        lock (_lock)
        {
            if (RefuseResume || !_sessions.TryGetValue(session, out var log))
            {
                missed = [];
                session = string.Empty;
            }
            else
            {
                _session = session;
                missed = [.. log.Where(e => e.Sequence > after - ResumeOverlap && e.Type != "READY")];
            }
        }

        if (session.Length == 0)
        {
            await SendAsync(socket, new JsonObject { ["op"] = 9, ["d"] = false });
            return;
        }

        foreach (var dispatch in missed)
        {
            await SendAsync(socket, Dispatch(dispatch));
        }

        long sequence;
        lock (_lock)
        {
            var log = _sessions[session];
            log.Add(new GatewayEvent(log.Count + 1, "RESUMED", new JsonObject()));
            sequence = log.Count;
        }

        await SendAsync(socket, Dispatch(new GatewayEvent(sequence, "RESUMED", new JsonObject())));
    }

    private static JsonObject Dispatch(GatewayEvent dispatch) =>
        new() { ["op"] = 0, ["d"] = dispatch.Data.DeepClone(), ["s"] = dispatch.Sequence, ["t"] = dispatch.Type };

    private WebSocket? CurrentSocket()
    {
        lock (_lock)
        {
            return _socket;
        }
    }

    private async Task SendAsync(WebSocket socket, JsonObject payload)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            // The client went away; the event stays in the session log for a resume.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Dispose() => _sendLock.Dispose();
}

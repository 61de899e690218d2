using System.Net.WebSockets;
using System.Text.Json;
using IncidentBot.Slack.Wire;

namespace IncidentBot.Slack.SocketMode;

/// <summary>Whole frames in and acknowledgements out on one Socket Mode WebSocket, and a polite close.</summary>
internal static class SocketFrames
{
    /// <summary>Slack does not state a frame limit; a modal's payload is the largest and stays far below this.</summary>
    public const int MaxFrameBytes = 4 * 1024 * 1024;

    /// <summary>Acknowledges envelope <paramref name="id"/>, with the reply as <c>payload</c> when there is one.</summary>
    public static async Task AckAsync(ClientWebSocket socket, string id, SlackReply? payload, CancellationToken cancellationToken)
    {
        var ack = new SocketAck { EnvelopeId = id, Payload = payload };
        await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(ack, SlackJsonContext.Default.SocketAck), WebSocketMessageType.Text, true, cancellationToken);
    }

    /// <summary>One whole text frame, or null when the socket closed.</summary>
    public static async Task<byte[]?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
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

    /// <summary>Says goodbye if the socket is still up, then lets it go.</summary>
    public static async Task CloseAsync(ClientWebSocket socket)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
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

        socket.Dispose();
    }
}

using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace IncidentBot.Testing.Fakes.Slack;

/// <summary>
/// One Socket Mode connection the fake accepted (numbered 1, 2, … in order), with the <c>events_api</c> envelopes
/// sent on it that the bot has not acknowledged yet: Slack retries those, and only those.
/// </summary>
internal sealed class FakeSlackSocket(int number, WebSocket socket) : IDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public int Number { get; } = number;

    public WebSocket Socket { get; } = socket;

    public bool Open => Socket.State == WebSocketState.Open;

    /// <summary>Unacknowledged event envelopes by envelope id; guarded by the fake's lock.</summary>
    public Dictionary<string, JsonObject> PendingEvents { get; } = new(StringComparer.Ordinal);

    public async Task SendAsync(string json)
    {
        await _sendLock.WaitAsync();
        try
        {
            await Socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Dispose() => _sendLock.Dispose();
}

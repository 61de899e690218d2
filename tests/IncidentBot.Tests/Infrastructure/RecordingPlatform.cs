using System.Collections.Concurrent;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.StatusDocs;

namespace IncidentBot.Tests.Infrastructure;

/// <summary>
/// An in-process stand-in for a platform adapter, for host tests about the outbox itself (order, coalescing,
/// retries). It records every call and can be told to be unavailable. Platform wire behaviour is tested
/// against the fake Slack and Discord servers instead.
/// </summary>
internal sealed class RecordingPlatform(Platform platform) : IChatPlatform
{
    private int _ids;
    private int _refused;

    public Platform Platform => platform;

    public ConcurrentQueue<(string Call, IncidentId Incident, object? Payload)> Calls { get; } = new();

    /// <summary>While true, every call throws <see cref="PlatformUnavailableException"/> (the platform is down).</summary>
    public bool Down { get; set; }

    public IReadOnlyList<(string Call, IncidentId Incident, object? Payload)> Snapshot => [.. Calls];

    /// <summary>While true, replies to requesters fail as a dead reply handle does; everything else goes through.</summary>
    public bool RepliesDown { get; set; }

    /// <summary>Calls refused while <see cref="Down"/>.</summary>
    public int Refused => _refused;

    public Task<RootMessageRef> PostRootAsync(Incident incident, StatusDoc doc, Delivery delivery, CancellationToken cancellationToken) =>
        Record("root", incident, doc, new RootMessageRef($"root-{Interlocked.Increment(ref _ids)}"));

    public Task<string> OpenThreadAsync(Incident incident, CancellationToken cancellationToken) =>
        Record("thread", incident, null, $"thread-{incident.RootMessageId}");

    public Task EditRootAsync(Incident incident, StatusDoc doc, CancellationToken cancellationToken) => Record("edit", incident, doc, true);

    public Task PostInThreadAsync(Incident incident, MessageContent content, Delivery delivery, CancellationToken cancellationToken) =>
        Record("post", incident, content, true);

    public Task UploadFileAsync(Incident incident, UploadFile file, Delivery delivery, CancellationToken cancellationToken) => Record("upload", incident, file, true);

    public Task AddReactionAsync(Incident incident, string messageId, Reaction reaction, CancellationToken cancellationToken) =>
        Record("reaction", incident, reaction.ToString(), true);

    public Task ReplyAsync(Incident incident, string replyHandle, MessageContent content, CancellationToken cancellationToken) =>
        RepliesDown
            ? throw new PlatformUnavailableException("the reply handle does not answer (test)")
            : Record("reply", incident, content, true);

    private Task<T> Record<T>(string call, Incident incident, object? payload, T result)
    {
        if (Down)
        {
            Interlocked.Increment(ref _refused);
            throw new PlatformUnavailableException("the platform is down (test)");
        }

        Calls.Enqueue((call, incident.Id, payload));
        return Task.FromResult(result);
    }
}

using System.Text.Json.Nodes;

namespace IncidentBot.Testing.Fakes.Discord;

/// <summary>A message the bot posted, with every edit it received (newest last).</summary>
public sealed class FakeMessage(string id, string channelId, JsonObject body)
{
    private readonly List<JsonObject> _versions = [body];
    private readonly Lock _lock = new();

    public string Id => id;

    public string ChannelId => channelId;

    public string? FileName { get; init; }

    public string? FileContent { get; init; }

    public JsonObject Current
    {
        get
        {
            lock (_lock)
            {
                return _versions[^1];
            }
        }
    }

    public int Edits
    {
        get
        {
            lock (_lock)
            {
                return _versions.Count - 1;
            }
        }
    }

    public string Content => Current["content"]?.GetValue<string>() ?? string.Empty;

    public void Edit(JsonObject patch)
    {
        lock (_lock)
        {
            var next = (JsonObject)_versions[^1].DeepClone();
            foreach (var (key, value) in patch)
            {
                next[key] = value?.DeepClone();
            }

            _versions.Add(next);
        }
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Testing.Fakes.Slack;

/// <summary>
/// A stateful fake of Slack on <c>127.0.0.1:0</c>: the Web API methods the bot uses (recording every call and
/// keeping the messages it posts), the file upload URL, <c>response_url</c>s, and a Socket Mode WebSocket the
/// test drives. Faults are planned per method (429 with <c>Retry-After</c>, 5xx, <c>ok:false</c>), or the whole
/// API can be <see cref="Down"/>. Runs on real time: the bot under test may run on a fake clock.
/// </summary>
public sealed partial class FakeSlack : IAsyncDisposable
{
    public const string TeamId = "T0FAKE";
    public const string BotUserId = "U0BOT";
    public const string BotId = "B0BOT";
    public const string BotToken = "xoxb-fake-bot-token";
    public const string AppToken = "xapp-fake-app-token";

    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<FakeSlackCall> _calls = [];
    private readonly List<FakeSlackMessage> _messages = [];
    private readonly List<FakeSlackMessage> _humanReplies = [];
    private readonly List<(string Channel, string Ts, string Name, string User)> _humanReactions = [];
    private readonly List<FakeSlackEphemeral> _ephemerals = [];
    private readonly List<FakeSlackView> _views = [];
    private readonly List<FakeSlackReaction> _reactions = [];
    private readonly List<FakeSlackFile> _files = [];
    private readonly Dictionary<string, (string Name, string Title, byte[]? Bytes)> _uploads = [];
    private readonly Dictionary<string, Queue<FakeSlackFault>> _faults = [];
    private readonly Dictionary<string, string> _users = [];
    private long _sequence;
    private int _connectionsOpened;

    private FakeSlack(WebApplication app)
    {
        _app = app;
        app.UseWebSockets();
        app.MapPost("/api/{method}", HandleApiAsync);
        app.MapPost("/upload/{fileId}", HandleUploadAsync);
        app.MapPost("/respond/{id}", HandleResponseUrlAsync);
        app.Map("/socket", HandleSocketAsync);
    }

    public Uri BaseUrl { get; private set; } = null!;

    public Uri ApiBaseUrl => new(BaseUrl, "api/");

    /// <summary>While true every Web API call answers 503 and no Socket Mode connection is accepted.</summary>
    public bool Down { get; set; }

    /// <summary>The page size of <c>conversations.replies</c>, whatever <c>limit</c> the bot asks for.</summary>
    public int RepliesPageSize { get; set; } = 100;

    public int ConnectionsOpened => Volatile.Read(ref _connectionsOpened);

    public IReadOnlyList<FakeSlackCall> Calls => Snapshot(_calls);

    public IReadOnlyList<FakeSlackMessage> Messages => Snapshot(_messages);

    public IReadOnlyList<FakeSlackEphemeral> Ephemerals => Snapshot(_ephemerals);

    public IReadOnlyList<FakeSlackView> Views => Snapshot(_views);

    public IReadOnlyList<FakeSlackReaction> Reactions => Snapshot(_reactions);

    public IReadOnlyList<FakeSlackFile> Files => Snapshot(_files);

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeSlack(builder.Build());
        await fake._app.StartAsync();
        fake.BaseUrl = new Uri(fake._app.Urls.Single().TrimEnd('/') + "/");
        return fake;
    }

    public IReadOnlyList<FakeSlackCall> CallsTo(string method) => Calls.Where(c => c.Method == method && c.Status == 200).ToList();

    /// <summary>Every call of <paramref name="method"/>, including the ones the fake failed.</summary>
    public IReadOnlyList<FakeSlackCall> AttemptsOf(string method) => Calls.Where(c => c.Method == method).ToList();

    public void Fail(string method, params FakeSlackFault[] faults)
    {
        lock (_lock)
        {
            if (!_faults.TryGetValue(method, out var queue))
            {
                _faults[method] = queue = new Queue<FakeSlackFault>();
            }

            foreach (var fault in faults)
            {
                queue.Enqueue(fault);
            }
        }
    }

    public void AddUser(string id, string displayName)
    {
        lock (_lock)
        {
            _users[id] = displayName;
        }
    }

    /// <summary>A person's reply in a thread, as <c>conversations.replies</c> will list it; returns its <c>ts</c>.</summary>
    public string AddHumanReply(string channel, string threadTs, string user, string text)
    {
        var message = new FakeSlackMessage { Channel = channel, Ts = NextTs(), ThreadTs = threadTs, User = user, Text = text };
        lock (_lock)
        {
            _humanReplies.Add(message);
        }

        return message.Ts;
    }

    /// <summary>A person's reaction, as history reads will list it on the message (no event is sent).</summary>
    public void AddHumanReaction(string channel, string ts, string name, string user)
    {
        lock (_lock)
        {
            _humanReactions.Add((channel, ts, name, user));
        }
    }

    /// <summary>A fresh message timestamp, unique and increasing, as Slack's <c>ts</c> are.</summary>
    public string NextTs()
    {
        var n = Interlocked.Increment(ref _sequence);
        return string.Create(CultureInfo.InvariantCulture, $"{1767600000 + n}.{n:D6}");
    }

    public Uri ResponseUrl(string id) => new(BaseUrl, $"respond/{id}");

    public async ValueTask DisposeAsync()
    {
        DropSocket();
        await _app.StopAsync();
        await _app.DisposeAsync();
        DisposeSockets();
    }

    private IReadOnlyList<T> Snapshot<T>(List<T> list)
    {
        lock (_lock)
        {
            return [.. list];
        }
    }

    private async Task HandleApiAsync(HttpContext http, string method)
    {
        var (form, json) = await ReadArgumentsAsync(http.Request);
        var authorization = http.Request.Headers.Authorization.ToString();
        FakeSlackFault? fault = null;
        lock (_lock)
        {
            if (_faults.TryGetValue(method, out var queue) && queue.Count > 0)
            {
                fault = queue.Dequeue();
            }
        }

        if (Down)
        {
            fault = FakeSlackFault.ServerError();
        }

        var status = fault is { Drop: true } ? 0 : fault?.Status ?? 200;
        var call = new FakeSlackCall(method, authorization, http.Request.ContentType, form, json, status, TimeProvider.System.GetUtcNow());
        Record(call);
        if (fault is { Drop: true })
        {
            Answer(method, call);
            http.Abort();
            return;
        }

        if (status != 200)
        {
            if (fault is { AfterEffect: true })
            {
                Answer(method, call);
            }

            http.Response.StatusCode = status;
            if (fault?.RetryAfterSeconds is { } after)
            {
                http.Response.Headers.RetryAfter = after.ToString(CultureInfo.InvariantCulture);
            }

            await http.Response.WriteAsync(status == 429 ? """{"ok":false,"error":"ratelimited"}""" : "upstream error");
            return;
        }

        var expectedToken = method == "apps.connections.open" ? AppToken : BotToken;
        var answer = authorization != $"Bearer {expectedToken}" ? Error("invalid_auth")
            : fault?.Error is { } error ? Error(error)
            : Answer(method, call);
        if (!await HoldAnswerAsync(method, http.RequestAborted))
        {
            return;
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(answer.ToJsonString());
    }

    private JsonObject Answer(string method, FakeSlackCall call)
    {
        switch (method)
        {
            case "auth.test":
                return Ok(new() { ["user_id"] = BotUserId, ["bot_id"] = BotId, ["team_id"] = TeamId, ["user"] = "incidentbot", ["team"] = "Fake" });
            case "apps.connections.open":
                Interlocked.Increment(ref _connectionsOpened);
                var ws = new UriBuilder(new Uri(BaseUrl, "socket")) { Scheme = "ws", Query = $"ticket={Guid.NewGuid():N}" };
                return Ok(new() { ["url"] = ws.Uri.ToString() });
            case "chat.postMessage":
                {
                    if (call.Arg("channel") is not { Length: > 0 } channel)
                    {
                        return Error("channel_not_found");
                    }

                    var message = new FakeSlackMessage
                    {
                        Channel = channel,
                        Ts = NextTs(),
                        ThreadTs = call.Arg("thread_ts"),
                        User = BotUserId,
                        Text = call.Arg("text") ?? string.Empty,
                        Blocks = call.Json?["blocks"]?.DeepClone() as JsonArray,
                        Metadata = call.Json?["metadata"]?.DeepClone() as JsonObject,
                    };
                    lock (_lock)
                    {
                        _messages.Add(message);
                    }

                    return Ok(new() { ["channel"] = channel, ["ts"] = message.Ts });
                }

            case "chat.update":
                {
                    lock (_lock)
                    {
                        var message = _messages.FirstOrDefault(m => m.Channel == call.Arg("channel") && m.Ts == call.Arg("ts"));
                        if (message is null)
                        {
                            return Error("message_not_found");
                        }

                        message.Text = call.Arg("text") ?? string.Empty;
                        message.Blocks = call.Json?["blocks"]?.DeepClone() as JsonArray;
                        message.Updates++;
                        return Ok(new() { ["channel"] = message.Channel, ["ts"] = message.Ts });
                    }
                }

            case "chat.postEphemeral":
                lock (_lock)
                {
                    _ephemerals.Add(new FakeSlackEphemeral(call.Arg("channel"), call.Arg("user"), call.Arg("thread_ts"), null, call.Json ?? []));
                }

                return Ok(new() { ["message_ts"] = NextTs() });
            case "chat.getPermalink":
                return Ok(new() { ["channel"] = call.Arg("channel"), ["permalink"] = $"https://fake.slack.com/archives/{call.Arg("channel")}/p{call.Arg("message_ts")?.Replace(".", string.Empty, StringComparison.Ordinal)}" });
            case "reactions.add":
                lock (_lock)
                {
                    var reaction = new FakeSlackReaction(call.Arg("channel") ?? string.Empty, call.Arg("timestamp") ?? string.Empty, call.Arg("name") ?? string.Empty);
                    if (_reactions.Contains(reaction))
                    {
                        return Error("already_reacted");
                    }

                    _reactions.Add(reaction);
                }

                return Ok([]);
            case "conversations.info":
                return Ok(new() { ["channel"] = new JsonObject { ["id"] = call.Arg("channel"), ["name"] = "incidents", ["is_private"] = false } });
            case "conversations.replies":
                return Replies(call);
            case "conversations.history":
                return History(call);
            case "users.info":
                {
                    var id = call.Arg("user") ?? string.Empty;
                    string? name;
                    lock (_lock)
                    {
                        _users.TryGetValue(id, out name);
                    }

                    return name is null
                        ? Error("user_not_found")
                        : Ok(new() { ["user"] = new JsonObject { ["id"] = id, ["name"] = name.ToLowerInvariant(), ["profile"] = new JsonObject { ["display_name"] = name } } });
                }

            case "views.open":
                {
                    var view = new FakeSlackView("V" + Interlocked.Increment(ref _sequence), "h" + _sequence, call.Arg("trigger_id") ?? string.Empty,
                        call.Json?["view"]?.DeepClone() as JsonObject ?? []);
                    lock (_lock)
                    {
                        _views.Add(view);
                    }

                    return Ok(new() { ["view"] = new JsonObject { ["id"] = view.Id, ["hash"] = view.Hash } });
                }

            case "files.getUploadURLExternal":
                {
                    var id = "F" + Interlocked.Increment(ref _sequence);
                    lock (_lock)
                    {
                        _uploads[id] = (call.Arg("filename") ?? string.Empty, string.Empty, null);
                    }

                    return Ok(new() { ["upload_url"] = new Uri(BaseUrl, $"upload/{id}").ToString(), ["file_id"] = id });
                }

            case "files.completeUploadExternal":
                return CompleteUpload(call);
            default:
                return Error("unknown_method");
        }
    }

    private JsonObject Replies(FakeSlackCall call)
    {
        var channel = call.Arg("channel");
        var ts = call.Arg("ts");
        List<FakeSlackMessage> thread;
        lock (_lock)
        {
            thread = _messages.Concat(_humanReplies)
                .Where(m => m.Channel == channel && (m.Ts == ts || m.ThreadTs == ts))
                .OrderBy(m => m.Ts, StringComparer.Ordinal)
                .ToList();
        }

        if (thread.Count == 0)
        {
            return Error("thread_not_found");
        }

        return Page(call, thread, m => m.ThreadTs ?? m.Ts);
    }

    /// <summary>
    /// The channel's top-level messages, oldest first. The fake's <c>ts</c> values count calls rather than follow
    /// the bot's clock, so <c>oldest</c> is recorded but not applied: the bot gets a superset, never less.
    /// </summary>
    private JsonObject History(FakeSlackCall call)
    {
        var channel = call.Arg("channel");
        List<FakeSlackMessage> top;
        lock (_lock)
        {
            top = _messages.Where(m => m.Channel == channel && m.ThreadTs is null).OrderBy(m => m.Ts, StringComparer.Ordinal).ToList();
        }

        return Page(call, top, m => m.ThreadTs);
    }

    private JsonObject Page(FakeSlackCall call, List<FakeSlackMessage> all, Func<FakeSlackMessage, string?> threadTs)
    {
        var start = int.TryParse(call.Arg("cursor")?.Replace("next:", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture, out var c) ? c : 0;
        var page = all.Skip(start).Take(RepliesPageSize).ToList();
        var next = start + page.Count < all.Count ? $"next:{start + page.Count}" : string.Empty;
        var withMetadata = call.Arg("include_all_metadata") is "true" or "1";
        var messages = new JsonArray();
        foreach (var m in page)
        {
            var listed = new JsonObject { ["type"] = "message", ["user"] = m.User, ["text"] = m.Text, ["ts"] = m.Ts };
            if (threadTs(m) is { } thread)
            {
                listed["thread_ts"] = thread;
            }

            if (m.User == BotUserId)
            {
                // Messages an app posts carry its bot_id, as Slack lists them.
                listed["bot_id"] = BotId;
            }

            if (HumanReactionsOn(m) is { Count: > 0 } reactions)
            {
                listed["reactions"] = reactions;
            }

            if (withMetadata && m.Metadata is not null)
            {
                listed["metadata"] = m.Metadata.DeepClone();
            }

            messages.Add(listed);
        }

        return Ok(new()
        {
            ["messages"] = messages,
            ["has_more"] = next.Length > 0,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
        });
    }

    /// <summary>People's reactions on a message, grouped by emoji as Slack lists them: <c>{name, users, count}</c>.</summary>
    private JsonArray HumanReactionsOn(FakeSlackMessage message)
    {
        lock (_lock)
        {
            return new JsonArray([.. _humanReactions
                .Where(r => r.Channel == message.Channel && r.Ts == message.Ts)
                .GroupBy(r => r.Name)
                .Select(g => (JsonNode)new JsonObject
                {
                    ["name"] = g.Key,
                    ["users"] = new JsonArray([.. g.Select(r => (JsonNode)JsonValue.Create(r.User))]),
                    ["count"] = g.Count(),
                })]);
        }
    }

    private JsonObject CompleteUpload(FakeSlackCall call)
    {
        if (call.Json?["files"] is not JsonArray { Count: > 0 } files)
        {
            return Error("invalid_arguments");
        }

        var result = new JsonArray();
        foreach (var file in files)
        {
            var id = file?["id"]?.GetValue<string>() ?? string.Empty;
            var title = file?["title"]?.GetValue<string>() ?? string.Empty;
            lock (_lock)
            {
                if (!_uploads.TryGetValue(id, out var upload) || upload.Bytes is null)
                {
                    return Error("file_not_found");
                }

                _files.Add(new FakeSlackFile(id, title, call.Arg("channel_id") ?? string.Empty, call.Arg("thread_ts"),
                    Encoding.UTF8.GetString(upload.Bytes), call.Arg("initial_comment")));
            }

            result.Add(new JsonObject { ["id"] = id, ["title"] = title });
        }

        return Ok(new() { ["files"] = result });
    }

    private async Task HandleUploadAsync(HttpContext http, string fileId)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        Record(new FakeSlackCall("upload", http.Request.Headers.Authorization.ToString(), http.Request.ContentType,
            new Dictionary<string, string>(), null, 200, TimeProvider.System.GetUtcNow()));
        lock (_lock)
        {
            if (!_uploads.TryGetValue(fileId, out var upload))
            {
                http.Response.StatusCode = 404;
                return;
            }

            _uploads[fileId] = upload with { Bytes = buffer.ToArray() };
        }

        await http.Response.WriteAsync("OK - " + buffer.Length);
    }

    private async Task HandleResponseUrlAsync(HttpContext http, string id)
    {
        var (form, json) = await ReadArgumentsAsync(http.Request);
        if (!await ResponseUrlAvailableAsync(http))
        {
            return;
        }

        Record(new FakeSlackCall("response_url", http.Request.Headers.Authorization.ToString(), http.Request.ContentType,
            form, json, 200, TimeProvider.System.GetUtcNow()));
        lock (_lock)
        {
            _ephemerals.Add(new FakeSlackEphemeral(null, null, null, id, json ?? []));
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync("""{"ok":true}""");
    }

    private void Record(FakeSlackCall call)
    {
        lock (_lock)
        {
            _calls.Add(call);
        }
    }

    private static async Task<(IReadOnlyDictionary<string, string> Form, JsonObject? Json)> ReadArgumentsAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            return (new Dictionary<string, string>(), body.Length == 0 ? null : JsonNode.Parse(body) as JsonObject);
        }

        return (QueryHelpers.ParseQuery(body).ToDictionary(p => p.Key, p => p.Value.ToString()), null);
    }

    private static JsonObject Ok(JsonObject fields)
    {
        var answer = new JsonObject { ["ok"] = true };
        foreach (var (key, value) in fields.ToList())
        {
            fields.Remove(key);
            answer[key] = value;
        }

        return answer;
    }

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };
}

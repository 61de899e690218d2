using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Testing.Fakes.Discord;

/// <summary>
/// A stateful fake of Discord on 127.0.0.1:0: the REST routes the bot calls (messages, threads, reactions,
/// interaction callbacks and webhooks, command registration, <c>GET /gateway/bot</c>) and a gateway WebSocket at
/// <c>/gateway</c>. It records every call, keeps the messages and their edits, and answers a queued failure
/// (429 with <c>retry_after</c>, 5xx, 401…) to the next matching request. Bot routes need <c>Bot {BotToken}</c>.
/// </summary>
public sealed partial class FakeDiscord : IAsyncDisposable
{
    public const string BotToken = "fake-bot-token-0123456789abcdef";

    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Dictionary<string, FakeMessage> _messages = [];
    private readonly Dictionary<string, JsonObject> _threads = [];
    private readonly List<(string Channel, string Message, string Emoji)> _reactions = [];
    private readonly List<(string Channel, string Message, string Emoji, string UserId, string UserName)> _userReactions = [];
    private readonly Dictionary<string, string> _nonces = [];
    private readonly HashSet<string> _answeredInteractions = [];
    private readonly Queue<FakeFailure> _failures = new();
    private long _nextId = 1_200_000_000_000_000_000;

    private FakeDiscord(WebApplication app)
    {
        _app = app;
        Gateway = new FakeDiscordGateway(this);
    }

    public string BotUserId { get; } = "1100000000000000001";

    public string ApplicationId { get; } = "1100000000000000002";

    /// <summary>The one guild the fake serves, known before it starts (configuration that names it is built first).</summary>
    public const string Guild = "1100000000000000003";

    public string GuildId { get; } = Guild;

    public string IncidentsChannelId { get; } = "1100000000000000004";

    public Uri BaseUrl { get; private set; } = null!;

    public Uri ApiBaseUrl => new(BaseUrl, "api/v10/");

    public Uri GatewayUrl => new UriBuilder(BaseUrl) { Scheme = "ws", Path = "/gateway" }.Uri;

    public FakeDiscordGateway Gateway { get; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<FakeMessage> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages.Values.OrderBy(m => long.Parse(m.Id, CultureInfo.InvariantCulture))];
            }
        }
    }

    public IReadOnlyList<(string Channel, string Message, string Emoji)> Reactions
    {
        get
        {
            lock (_lock)
            {
                return [.. _reactions];
            }
        }
    }

    public IReadOnlyDictionary<string, JsonObject> Threads
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, JsonObject>(_threads);
            }
        }
    }

    public static async Task<FakeDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDiscord(app);
        app.UseWebSockets();
        app.Map("/gateway", fake.AcceptGatewayAsync);
        app.Map("/api/v10/{**path}", fake.HandleRestAsync);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Answers the next request whose method and path match with this failure instead.</summary>
    public void FailNext(FakeFailure failure)
    {
        lock (_lock)
        {
            _failures.Enqueue(failure);
        }
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string pathContains) =>
        [.. Requests.Where(r => r.Method == method && r.Path.Contains(pathContains, StringComparison.Ordinal))];

    public IReadOnlyList<FakeMessage> MessagesIn(string channelId) => [.. Messages.Where(m => m.ChannelId == channelId)];

    /// <summary>Adds a message written by a person, as if typed in the Discord client (for history reads).</summary>
    public JsonObject AddUserMessage(string channelId, string userId, string userName, string content, DateTimeOffset at)
    {
        var id = NextId();
        var body = new JsonObject
        {
            ["id"] = id,
            ["channel_id"] = channelId,
            ["guild_id"] = GuildId,
            ["content"] = content,
            ["type"] = 0,
            ["timestamp"] = at.ToString("O", CultureInfo.InvariantCulture),
            ["author"] = new JsonObject { ["id"] = userId, ["username"] = userName },
        };
        lock (_lock)
        {
            _messages[id] = new FakeMessage(id, channelId, body);
        }

        return body;
    }

    /// <summary>A person's reaction made in the Discord client with no gateway event sent (Get Reactions lists it).</summary>
    public void AddUserReaction(string channelId, string messageId, string emoji, string userId, string userName)
    {
        lock (_lock)
        {
            _userReactions.Add((channelId, messageId, emoji, userId, userName));
        }
    }

    public string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        Gateway.Drop();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Gateway.Dispose();
    }

    private async Task AcceptGatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await Gateway.RunAsync(socket, context.Request.QueryString.ToString(), context.RequestAborted);
    }

    private async Task HandleRestAsync(HttpContext context)
    {
        var request = context.Request;
        // The raw target, so a test sees the URL-encoding the client used (route values arrive decoded).
        var raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
        var path = raw.Split('?')[0]["/api/v10".Length..];
        var (json, fileName, fileContent) = await ReadBodyAsync(request);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        lock (_lock)
        {
            _requests.Add(new RecordedRequest(request.Method, path + request.QueryString, json, headers, fileName, fileContent));
        }

        var failure = TakeFailure(request.Method, path);
        if (failure is not null)
        {
            if (failure.Status >= 400 && !failure.AfterEffect)
            {
                await FailAsync(context.Response, failure);
                return;
            }

            // A success status only adds headers (e.g. X-RateLimit-*) to the real answer.
            foreach (var (name, value) in failure.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }
        }

        var segments = ((string)context.Request.RouteValues["path"]!).Trim('/').Split('/');
        var botRoute = segments[0] is not ("webhooks" or "interactions");
        if (botRoute && headers.GetValueOrDefault("Authorization") != "Bot " + BotToken)
        {
            await WriteAsync(context.Response, 401, new JsonObject { ["message"] = "401: Unauthorized", ["code"] = 0 });
            return;
        }

        var (status, answer) = Route(request.Method, segments, json, fileName, fileContent, request.Query);
        if (failure is { Status: >= 400, AfterEffect: true })
        {
            await FailAsync(context.Response, failure);
            return;
        }

        await WriteAsync(context.Response, status, answer);
    }

    private (int Status, JsonNode? Body) Route(
        string method, string[] s, JsonNode? json, string? fileName, string? fileContent, IQueryCollection query)
    {
        switch (method, s)
        {
            case ("GET", ["gateway", "bot"]):
                return (200, new JsonObject
                {
                    ["url"] = GatewayUrl.ToString(),
                    ["shards"] = 1,
                    ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 14400000, ["max_concurrency"] = 1 },
                });
            case ("PUT", ["applications", _, "commands"]) or ("PUT", ["applications", _, "guilds", _, "commands"]):
                return (200, json?.DeepClone());
            case ("POST", ["channels", var channel, "messages"]):
                return CreateMessage(channel, json!.AsObject(), fileName, fileContent);
            case ("PATCH", ["channels", _, "messages", var id]):
                return EditMessage(id, json!.AsObject());
            case ("GET", ["channels", var channel, "messages"]):
                return (200, History(channel, query));
            case ("POST", ["channels", var channel, "messages", var id, "threads"]):
                return StartThread(channel, id, json!.AsObject());
            case ("GET", ["channels", var channel, "messages", var id, "reactions", var emoji]):
                lock (_lock)
                {
                    var users = _userReactions.Where(r => r.Channel == channel && r.Message == id && r.Emoji == Uri.UnescapeDataString(emoji))
                        .Select(r => (JsonNode)new JsonObject { ["id"] = r.UserId, ["username"] = r.UserName });
                    return (200, new JsonArray([.. users]));
                }

            case ("PUT", ["channels", var channel, "messages", var id, "reactions", var emoji, "@me"]):
                lock (_lock)
                {
                    _reactions.Add((channel, id, Uri.UnescapeDataString(emoji)));
                }

                return (204, null);
            case ("POST", ["interactions", var id, _, "callback"]):
                lock (_lock)
                {
                    return _answeredInteractions.Add(id)
                        ? (204, null)
                        : (400, new JsonObject { ["message"] = "Interaction has already been acknowledged.", ["code"] = 40060 });
                }

            case ("PATCH", ["webhooks", _, _, "messages", "@original"]) or ("POST", ["webhooks", _, _]):
                return (200, new JsonObject { ["id"] = NextId(), ["content"] = json?["content"]?.DeepClone() });
            default:
                return (404, new JsonObject { ["message"] = "404: Not Found", ["code"] = 0 });
        }
    }

    private (int, JsonNode?) CreateMessage(string channel, JsonObject body, string? fileName, string? fileContent)
    {
        lock (_lock)
        {
            var nonce = body["enforce_nonce"]?.GetValue<bool>() == true ? body["nonce"]?.GetValue<string>() : null;
            if (nonce is not null && _nonces.TryGetValue(channel + "/" + nonce, out var existing))
            {
                return (200, Wire(_messages[existing]));
            }

            var id = NextId();
            var stored = (JsonObject)body.DeepClone();
            stored["id"] = id;
            stored["channel_id"] = channel;
            stored["author"] = new JsonObject { ["id"] = BotUserId, ["username"] = "IncidentBot", ["bot"] = true };
            if (fileName is not null)
            {
                stored["attachments"] = new JsonArray(new JsonObject
                {
                    ["id"] = NextId(),
                    ["filename"] = fileName,
                    ["size"] = fileContent?.Length ?? 0,
                    ["url"] = new Uri(BaseUrl, "attachments/" + fileName).ToString(),
                });
            }

            var message = new FakeMessage(id, channel, stored) { FileName = fileName, FileContent = fileContent };
            _messages[id] = message;
            if (nonce is not null)
            {
                _nonces[channel + "/" + nonce] = id;
            }

            return (200, Wire(message));
        }
    }

    private (int, JsonNode?) EditMessage(string id, JsonObject patch)
    {
        lock (_lock)
        {
            if (!_messages.TryGetValue(id, out var message))
            {
                return (404, new JsonObject { ["message"] = "Unknown Message", ["code"] = 10008 });
            }

            message.Edit(patch);
            return (200, Wire(message));
        }
    }

    private (int, JsonNode?) StartThread(string channel, string messageId, JsonObject body)
    {
        lock (_lock)
        {
            if (_threads.ContainsKey(messageId))
            {
                return (400, new JsonObject { ["message"] = "A thread has already been created for this message", ["code"] = 160004 });
            }

            // A thread started from a message has the message's id.
            var thread = new JsonObject
            {
                ["id"] = messageId,
                ["type"] = 11,
                ["guild_id"] = GuildId,
                ["parent_id"] = channel,
                ["name"] = body["name"]?.DeepClone(),
                ["owner_id"] = BotUserId,
                ["thread_metadata"] = new JsonObject { ["archived"] = false, ["auto_archive_duration"] = body["auto_archive_duration"]?.DeepClone(), ["locked"] = false },
            };
            _threads[messageId] = thread;
            return (201, thread.DeepClone());
        }
    }

    private JsonArray History(string channel, IQueryCollection query)
    {
        var after = long.TryParse(query["after"], CultureInfo.InvariantCulture, out var a) ? a : 0;
        var limit = int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var l) ? l : 50;
        var page = MessagesIn(channel).Where(m => long.Parse(m.Id, CultureInfo.InvariantCulture) > after).Take(limit)

            // Discord's order for `after` is not documented; newest first here, so the client must sort.
            .Reverse().Select(m => (JsonNode?)Wire(m));
        return new JsonArray([.. page]);
    }

    private static JsonObject Wire(FakeMessage message) => (JsonObject)message.Current.DeepClone();

    private FakeFailure? TakeFailure(string method, string path)
    {
        lock (_lock)
        {
            if (_failures.TryPeek(out var next) && next.Method == method && path.Contains(next.PathContains, StringComparison.Ordinal))
            {
                return _failures.Dequeue();
            }

            return null;
        }
    }

    private static async Task FailAsync(HttpResponse response, FakeFailure failure)
    {
        foreach (var (name, value) in failure.Headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }

        if (failure.Status == 429)
        {
            var seconds = failure.RetryAfter ?? 1;
            response.Headers.RetryAfter = Math.Ceiling(seconds).ToString(CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Scope"] = failure.Global ? "global" : "user";
            if (failure.Global)
            {
                response.Headers["X-RateLimit-Global"] = "true";
            }

            await WriteAsync(response, 429, new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = seconds, ["global"] = failure.Global });
            return;
        }

        await WriteAsync(response, failure.Status, new JsonObject { ["message"] = $"fake failure {failure.Status}", ["code"] = 0 });
    }

    private static async Task WriteAsync(HttpResponse response, int status, JsonNode? body)
    {
        response.StatusCode = status;
        if (body is not null)
        {
            response.ContentType = "application/json";
            await response.WriteAsync(body.ToJsonString());
        }
    }

    private static async Task<(JsonNode? Json, string? FileName, string? FileContent)> ReadBodyAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var file = form.Files.GetFile("files[0]");
            string? content = null;
            if (file is not null)
            {
                using var reader = new StreamReader(file.OpenReadStream());
                content = await reader.ReadToEndAsync();
            }

            return (JsonNode.Parse(form["payload_json"].ToString()), file?.FileName, content);
        }

        using var body = new StreamReader(request.Body);
        var text = await body.ReadToEndAsync();
        return (text.Length == 0 ? null : JsonNode.Parse(text), null, null);
    }
}

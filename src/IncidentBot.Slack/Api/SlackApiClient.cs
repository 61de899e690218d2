using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using IncidentBot.Core.Diagnostics;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Slack.Configuration;
using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.Rendering;
using IncidentBot.Slack.Wire;
using IncidentBot.Slack.Wire.BlockKit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack.Api;

/// <summary>
/// The Slack Web API, over a named <see cref="HttpClient"/> behind a Polly pipeline (bounded retries of safe
/// calls, 429 <c>Retry-After</c> per method, on the injected <see cref="TimeProvider"/>). JSON with Bearer auth
/// where the method accepts JSON, form-encoded otherwise (<see href="https://docs.slack.dev/apis/web-api"/>;
/// per-method support from Slack's method reference). <c>ok:false</c> becomes <see cref="SlackApiException"/>;
/// a call that still fails for transport reasons after the retry budget becomes
/// <see cref="PlatformUnavailableException"/>, so the outbox keeps the message.
/// </summary>
internal sealed class SlackApiClient(IHttpClientFactory httpClients, IOptions<SlackOptions> options, PlatformMetrics metrics, ILogger<SlackApiClient> logger)
{
    /// <summary>Slack recommends 100–200 per page (<see href="https://docs.slack.dev/apis/web-api/pagination"/>).</summary>
    private const int PageSize = 200;

    /// <summary>A thread longer than this many pages is not read further (200 000 messages).</summary>
    private const int MaxPages = 1000;

    /// <summary>Looking for an earlier attempt reads at most this many pages of recent messages.</summary>
    private const int MaxLookupPages = 5;

    /// <summary>The metadata event type that marks a message as one delivery of the outbox.</summary>
    private const string DeliveryEventType = "incidentbot_delivery";

    /// <summary>The named client that carries the resilience pipeline (see <c>SlackSetup</c>).</summary>
    public const string HttpClientName = "IncidentBot.Slack";

    private readonly SlackOptions _options = options.Value;
    private readonly SlackApiTransport _transport = new(httpClients, options.Value, metrics, logger);

    public Task<AuthTestResponse> AuthTestAsync(CancellationToken cancellationToken) =>
        _transport.FormAsync("auth.test", [], SlackJsonContext.Default.AuthTestResponse, safe: true, cancellationToken);

    /// <summary>
    /// Posts a message; with <paramref name="deliveryKey"/> the message carries it as message metadata
    /// (<see href="https://docs.slack.dev/messaging/message-metadata"/>), so <see cref="FindDeliveredAsync"/> can tell
    /// later whether an attempt whose answer was lost did post.
    /// </summary>
    public Task<PostMessageResponse> PostMessageAsync(
        string channel, string? threadTs, SlackMessageBody body, string? deliveryKey, CancellationToken cancellationToken)
    {
        var request = new PostMessageRequest
        {
            Text = body.Text,
            Blocks = body.Blocks,
            Channel = channel,
            ThreadTs = threadTs,
            Metadata = deliveryKey is null ? null : new SlackMessageMetadata { EventType = DeliveryEventType, EventPayload = new DeliveryPayload { Key = deliveryKey } },
        };
        return _transport.JsonAsync("chat.postMessage", request, SlackJsonContext.Default.PostMessageRequest,
            SlackJsonContext.Default.PostMessageResponse, safe: false, cancellationToken);
    }

    public Task<PostMessageResponse> UpdateMessageAsync(string channel, string ts, SlackMessageBody body, CancellationToken cancellationToken)
    {
        var request = new UpdateMessageRequest { Text = body.Text, Blocks = body.Blocks, Channel = channel, Ts = ts };
        return _transport.JsonAsync("chat.update", request, SlackJsonContext.Default.UpdateMessageRequest,
            SlackJsonContext.Default.PostMessageResponse, safe: true, cancellationToken);
    }

    public Task<SlackResponse> PostEphemeralAsync(
        string channel, string user, string? threadTs, SlackMessageBody body, CancellationToken cancellationToken)
    {
        var request = new PostEphemeralRequest { Text = body.Text, Blocks = body.Blocks, Channel = channel, User = user, ThreadTs = threadTs };
        return _transport.JsonAsync("chat.postEphemeral", request, SlackJsonContext.Default.PostEphemeralRequest,
            SlackJsonContext.Default.SlackResponse, safe: false, cancellationToken);
    }

    public async Task<string> GetPermalinkAsync(string channel, string ts, CancellationToken cancellationToken)
    {
        var response = await _transport.FormAsync("chat.getPermalink", [new("channel", channel), new("message_ts", ts)],
            SlackJsonContext.Default.PermalinkResponse, safe: true, cancellationToken);
        return response.Permalink ?? throw new SlackApiException("chat.getPermalink", "no_permalink", null);
    }

    /// <summary>Adds a reaction; <c>already_reacted</c> counts as done, so a repeat delivery is harmless.</summary>
    public async Task AddReactionAsync(string channel, string ts, string name, CancellationToken cancellationToken)
    {
        try
        {
            await _transport.JsonAsync("reactions.add", new ReactionsAddRequest { Channel = channel, Timestamp = ts, Name = name },
                SlackJsonContext.Default.ReactionsAddRequest, SlackJsonContext.Default.SlackResponse, safe: true, cancellationToken);
        }
        catch (SlackApiException e) when (e.Error == "already_reacted")
        {
            // The reaction is there, which is all the call was for.
        }
    }

    public async Task<SlackChannel> ConversationInfoAsync(string channel, CancellationToken cancellationToken)
    {
        var response = await _transport.FormAsync("conversations.info", [new("channel", channel)],
            SlackJsonContext.Default.ConversationsInfoResponse, safe: true, cancellationToken);
        return response.Channel ?? throw new SlackApiException("conversations.info", "no_channel", null);
    }

    /// <summary>
    /// A thread's messages after <paramref name="afterTs"/> (all of it, parent first, when null), following
    /// <c>response_metadata.next_cursor</c> until it is empty or absent (never by comparing counts,
    /// <see href="https://docs.slack.dev/apis/web-api/pagination"/>). <c>oldest</c> leaves that message itself out.
    /// </summary>
    public async Task<IReadOnlyList<SlackMessage>> RepliesAsync(string channel, string threadTs, string? afterTs, CancellationToken cancellationToken)
    {
        var messages = new List<SlackMessage>();
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var form = new List<KeyValuePair<string, string>>
            {
                new("channel", channel),
                new("ts", threadTs),
                new("limit", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            };
            if (afterTs is not null)
            {
                form.Add(new("oldest", afterTs));
            }

            if (cursor is not null)
            {
                form.Add(new("cursor", cursor));
            }

            var response = await _transport.FormAsync("conversations.replies", form, SlackJsonContext.Default.RepliesResponse, safe: true, cancellationToken);
            messages.AddRange(response.Messages ?? []);
            cursor = response.ResponseMetadata?.NextCursor;
            if (string.IsNullOrEmpty(cursor))
            {
                break;
            }
        }

        return messages;
    }

    /// <summary>
    /// The <c>ts</c> of a message posted since <paramref name="since"/> that carries <paramref name="deliveryKey"/> in
    /// its metadata, in the thread (<c>conversations.replies</c>) or, without a thread, in the channel
    /// (<c>conversations.history</c>); null when there is none. Metadata is only listed when asked for
    /// (<c>include_all_metadata</c>).
    /// </summary>
    public async Task<string?> FindDeliveredAsync(
        string channel, string? threadTs, string deliveryKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var method = threadTs is null ? "conversations.history" : "conversations.replies";
        string? cursor = null;
        for (var page = 0; page < MaxLookupPages; page++)
        {
            var form = new List<KeyValuePair<string, string>>
            {
                new("channel", channel),
                new("oldest", SlackTime.Format(since)),
                new("include_all_metadata", "true"),
                new("limit", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            };
            if (threadTs is not null)
            {
                form.Add(new("ts", threadTs));
            }

            if (cursor is not null)
            {
                form.Add(new("cursor", cursor));
            }

            var response = await _transport.FormAsync(method, form, SlackJsonContext.Default.RepliesResponse, safe: true, cancellationToken);
            if ((response.Messages ?? []).FirstOrDefault(m =>
                    m.Metadata is { EventType: DeliveryEventType, EventPayload.Key: { } key } && key == deliveryKey) is { Ts: { } ts })
            {
                return ts;
            }

            cursor = response.ResponseMetadata?.NextCursor;
            if (string.IsNullOrEmpty(cursor))
            {
                return null;
            }
        }

        return null;
    }

    public async Task<SlackUser> UserInfoAsync(string user, CancellationToken cancellationToken)
    {
        var response = await _transport.FormAsync("users.info", [new("user", user)], SlackJsonContext.Default.UsersInfoResponse, safe: true, cancellationToken);
        return response.User ?? throw new SlackApiException("users.info", "no_user", null);
    }

    public Task<ViewResponse> OpenViewAsync(string triggerId, ModalView view, CancellationToken cancellationToken) =>
        _transport.JsonAsync("views.open", new ViewsOpenRequest { TriggerId = triggerId, View = view },
            SlackJsonContext.Default.ViewsOpenRequest, SlackJsonContext.Default.ViewResponse, safe: true, cancellationToken);

    /// <summary>
    /// The file upload flow that replaced <c>files.upload</c>: get an upload URL, send the bytes, then complete
    /// the upload into the thread (<see href="https://docs.slack.dev/changelog/2024-04-a-better-way-to-upload-files-is-here-to-stay"/>).
    /// </summary>
    public async Task UploadFileAsync(
        string channel, string threadTs, string fileName, string title, string content, string initialComment, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var ticket = await _transport.FormAsync("files.getUploadURLExternal",
            [new("filename", fileName), new("length", bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            SlackJsonContext.Default.UploadUrlResponse, safe: true, cancellationToken);
        if (ticket.UploadUrl is null || ticket.FileId is null)
        {
            throw new SlackApiException("files.getUploadURLExternal", "no_upload_url", null);
        }

        using (var upload = new HttpRequestMessage(HttpMethod.Post, ticket.UploadUrl))
        {
            upload.Content = new ByteArrayContent(bytes);
            upload.Content.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
            // The upload URL is pre-authorised; the bot token is not sent to it.
            using var response = await _transport.SendAsync(upload, "files.upload_bytes", safe: true, cancellationToken);
            metrics.ApiCall(Platform.Slack, "files.upload_bytes", ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            _transport.EnsureDelivered("files.upload_bytes", response);
        }

        var complete = new CompleteUploadRequest
        {
            Files = [new UploadedFile { Id = ticket.FileId, Title = title }],
            ChannelId = channel,
            ThreadTs = threadTs,
            InitialComment = initialComment,
        };
        await _transport.JsonAsync("files.completeUploadExternal", complete, SlackJsonContext.Default.CompleteUploadRequest,
            SlackJsonContext.Default.SlackResponse, safe: false, cancellationToken);
    }

    /// <summary>Opens a Socket Mode connection; this one method takes the app-level token, in the header.</summary>
    public async Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var response = await _transport.FormAsync("apps.connections.open", [], SlackJsonContext.Default.ConnectionsOpenResponse,
            safe: true, cancellationToken, token: _options.AppToken);
        return Uri.TryCreate(response.Url, UriKind.Absolute, out var url)
            ? url
            : throw new SlackApiException("apps.connections.open", "no_url", null);
    }

    /// <summary>
    /// Posts to a <c>response_url</c> (a private follow-up to a command or click). These URLs carry their own
    /// authorisation, so the bot token is never sent to them; they work up to 5 times in 30 minutes.
    /// </summary>
    public async Task RespondAsync(Uri responseUrl, ResponseUrlMessage message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl)
        {
            Content = new StringContent(JsonSerializer.Serialize(message, SlackJsonContext.Default.ResponseUrlMessage), Encoding.UTF8, "application/json"),
        };
        using var response = await _transport.SendAsync(request, "response_url", safe: false, cancellationToken);
        metrics.ApiCall(Platform.Slack, "response_url", ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (response.StatusCode == HttpStatusCode.NotFound || response.StatusCode == HttpStatusCode.Gone)
        {
            throw new SlackApiException("response_url", "expired_url", null);
        }

        _transport.EnsureDelivered("response_url", response);
    }
}

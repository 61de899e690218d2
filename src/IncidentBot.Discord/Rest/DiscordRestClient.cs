using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using IncidentBot.Core.Messaging;
using IncidentBot.Discord.Configuration;
using IncidentBot.Discord.Wire;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace IncidentBot.Discord.Rest;

/// <summary>
/// The Discord REST calls the bot makes (https://docs.discord.com/developers/reference). Transient failures
/// (429 after the in-client retries, 5xx, timeouts, network) surface as <see cref="PlatformUnavailableException"/>
/// so the outbox keeps the message; Discord's refusals as <see cref="DiscordApiException"/> with its error code.
/// </summary>
internal sealed class DiscordRestClient(HttpClient http, IOptions<DiscordOptions> options)
{
    public const int PageSize = 100;

    /// <summary>The attachment id that points at <c>files[0]</c>: the only file a message of ours carries.</summary>
    private const string FirstFile = "0";

    private readonly DiscordOptions _options = options.Value;

    private string ApplicationId => _options.ApplicationId ?? throw new InvalidOperationException("Discord__ApplicationId is not set.");

    public async Task<GatewayBotResponse> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(DiscordRoute.GatewayBot(), null, cancellationToken);
        return await ReadAsync(response, DiscordJsonContext.Default.GatewayBotResponse, cancellationToken);
    }

    /// <summary>Replaces every command of the application (or of one guild) with <paramref name="commands"/>; idempotent.</summary>
    public async Task OverwriteCommandsAsync(JsonArray commands, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            DiscordRoute.OverwriteCommands(ApplicationId, _options.GuildId is { Length: > 0 } g ? g : null),
            Json(commands, DiscordJsonContext.Default.JsonArray), cancellationToken);
    }

    /// <summary>
    /// Creates a message with <paramref name="nonce"/> and <c>enforce_nonce</c>: if a create with the same nonce went
    /// through in the past few minutes (an earlier attempt whose answer was lost), Discord returns that message
    /// instead of posting it twice (https://docs.discord.com/developers/resources/message#create-message).
    /// </summary>
    public async Task<DiscordMessage> CreateMessageAsync(string channelId, MessagePayload payload, string nonce, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(DiscordRoute.CreateMessage(channelId), Json(WithNonce(payload, nonce), DiscordJsonContext.Default.MessagePayload), cancellationToken);
        return await ReadAsync(response, DiscordJsonContext.Default.DiscordMessage, cancellationToken);
    }

    /// <summary>Posts a message with one file attached (<c>files[0]</c>, described by <c>attachments[0]</c>).</summary>
    public async Task<DiscordMessage> CreateMessageWithFileAsync(
        string channelId, MessagePayload payload, string fileName, byte[] file, string nonce, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(DiscordRoute.CreateMessage(channelId), WithFile(WithNonce(payload, nonce), fileName, file), cancellationToken);
        return await ReadAsync(response, DiscordJsonContext.Default.DiscordMessage, cancellationToken);
    }

    public async Task EditMessageAsync(string channelId, string messageId, MessagePayload payload, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            DiscordRoute.EditMessage(channelId, messageId), Json(payload, DiscordJsonContext.Default.MessagePayload), cancellationToken);
    }

    public async Task<DiscordChannel> StartThreadAsync(string channelId, string messageId, StartThreadRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            DiscordRoute.StartThread(channelId, messageId), Json(request, DiscordJsonContext.Default.StartThreadRequest), cancellationToken);
        return await ReadAsync(response, DiscordJsonContext.Default.DiscordChannel, cancellationToken);
    }

    /// <summary><paramref name="emoji"/> is the Unicode emoji (or <c>name:id</c>); it is URL-encoded here, else Discord answers 10014.</summary>
    public async Task AddReactionAsync(string channelId, string messageId, string emoji, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(DiscordRoute.AddReaction(channelId, messageId, emoji), null, cancellationToken);
    }

    /// <summary>Every message after <paramref name="afterId"/>, oldest first, a page of 100 at a time.</summary>
    public async IAsyncEnumerable<DiscordMessage> GetMessagesAfterAsync(
        string channelId, string afterId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = afterId;
        while (true)
        {
            List<DiscordMessage> page;
            using (var response = await SendAsync(DiscordRoute.GetMessages(channelId, cursor, PageSize), null, cancellationToken))
            {
                page = await ReadAsync(response, DiscordJsonContext.Default.ListDiscordMessage, cancellationToken);
            }

            // The order of a page fetched with `after` is not documented: sort by snowflake.
            page.Sort((a, b) => Snowflake.Compare(a.Id, b.Id));
            foreach (var message in page)
            {
                yield return message;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            cursor = page[^1].Id;
        }
    }

    /// <summary>
    /// Who reacted with <paramref name="emoji"/> (Unicode) on a message: the first 100, which is plenty for the
    /// acknowledgement it is read for (https://docs.discord.com/developers/resources/message#get-reactions).
    /// </summary>
    public async Task<IReadOnlyList<DiscordUser>> GetReactionUsersAsync(string channelId, string messageId, string emoji, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(DiscordRoute.GetReactions(channelId, messageId, emoji, PageSize), null, cancellationToken);
        return await ReadAsync(response, DiscordJsonContext.Default.ListDiscordUser, cancellationToken);
    }

    /// <summary>The initial response to an interaction received over the gateway (or too big to answer inline).</summary>
    public async Task RespondAsync(
        string interactionId, string token, InteractionResponse reply, OutgoingFile? file, CancellationToken cancellationToken)
    {
        var route = DiscordRoute.InteractionCallback(interactionId, token);
        HttpContent content = file is null
            ? Json(reply, DiscordJsonContext.Default.InteractionResponse)
            : WithFile(
                reply with { Data = (reply.Data ?? new MessagePayload()) with { Attachments = [new AttachmentRef(FirstFile, file.Name, null)] } },
                DiscordJsonContext.Default.InteractionResponse, file.Name, file.Content);
        using var response = await SendAsync(route, content, cancellationToken);
    }

    /// <summary>Edits the interaction's first response (how the bot follows up on a command, within the token's 15 minutes).</summary>
    public async Task EditOriginalResponseAsync(string token, MessagePayload payload, OutgoingFile? file, CancellationToken cancellationToken)
    {
        var route = DiscordRoute.EditOriginal(ApplicationId, token);
        HttpContent content = file is null
            ? Json(payload, DiscordJsonContext.Default.MessagePayload)
            : WithFile(payload, file.Name, file.Content);
        using var response = await SendAsync(route, content, cancellationToken);
    }

    public async Task FollowUpAsync(string token, MessagePayload payload, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            DiscordRoute.FollowUp(ApplicationId, token), Json(payload, DiscordJsonContext.Default.MessagePayload), cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(DiscordRoute route, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(route.Method, route.Path) { Content = content };
        request.Options.Set(DiscordRoute.Key, route);
        if (route.BotAuth)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.BotToken);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new PlatformUnavailableException($"Discord {route.Name} failed: {e.Message}", null, e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new PlatformUnavailableException($"Discord {route.Name} timed out.", null, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PlatformUnavailableException($"Discord {route.Name} timed out.", null, e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = await DiscordRetryAfter.ReadAsync(response, cancellationToken);
                throw new PlatformUnavailableException($"Discord {route.Name} is rate limited.", wait);
            }

            if ((int)response.StatusCode >= 500)
            {
                throw new PlatformUnavailableException($"Discord {route.Name} answered {(int)response.StatusCode}.");
            }

            var error = await ReadErrorAsync(response, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized && route.BotAuth)
            {
                // Kept in the outbox: the operator fixes the token and nothing is lost.
                throw new PlatformUnavailableException($"Discord rejected the bot token on {route.Name}: check Discord__BotToken.", TimeSpan.FromMinutes(1));
            }

            throw new DiscordApiException(route.Name, response.StatusCode, error?.Code, error?.Message);
        }
    }

    private static async Task<DiscordError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, DiscordJsonContext.Default.DiscordError);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync(stream, type, cancellationToken)
                ?? throw new PlatformUnavailableException("Discord answered an empty body.");
        }
        catch (JsonException e)
        {
            throw new PlatformUnavailableException("Discord answered a body that is not the expected JSON.", null, e);
        }
    }

    private static ByteArrayContent Json<T>(T value, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static MultipartFormDataContent WithFile(MessagePayload payload, string fileName, byte[] file) =>
        WithFile(payload with { Attachments = [new AttachmentRef(FirstFile, fileName, null)] }, DiscordJsonContext.Default.MessagePayload, fileName, file);

    private static MultipartFormDataContent WithFile<T>(T payload, JsonTypeInfo<T> type, string fileName, byte[] file)
    {
        // https://docs.discord.com/developers/reference#uploading-files: JSON in payload_json, the file in files[n].
        var form = new MultipartFormDataContent();
        var json = new StringContent(JsonSerializer.Serialize(payload, type), Encoding.UTF8, "application/json");
        form.Add(json, "payload_json");
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
        form.Add(bytes, "files[0]", fileName);
        return form;
    }

    private static MessagePayload WithNonce(MessagePayload payload, string nonce) =>
        payload with { Nonce = nonce, EnforceNonce = true };
}

using System.Text;
using System.Text.Json;
using IncidentBot.Core.Diagnostics;
using IncidentBot.Core.Incidents;
using IncidentBot.Slack.Diagnostics;
using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.Signing;
using IncidentBot.Slack.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Slack.Http;

/// <summary>
/// <c>POST /slack/commands</c>, <c>/slack/events</c>, <c>/slack/interactivity</c>. Every request's signature is
/// checked over the raw body before anything is parsed; a failure gets 401 and touches nothing. Answers go
/// back at once (Slack allows 3 seconds): command replies in the body, everything else through the outbox.
/// </summary>
internal static class SlackEndpoints
{
    /// <summary>Slack's payloads are small; a modal's state is the largest and stays well under this.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var slack = endpoints.MapGroup("/slack");
        slack.MapPost("/commands", CommandsAsync).DisableAntiforgery();
        slack.MapPost("/events", EventsAsync).DisableAntiforgery();
        slack.MapPost("/interactivity", InteractivityAsync).DisableAntiforgery();
    }

    private static async Task CommandsAsync(HttpContext http, SlackInboundProcessor processor, SlackSignatureVerifier verifier,
        PlatformMetrics metrics, ILoggerFactory loggers)
    {
        if (await ReadSignedAsync(http, verifier, metrics, loggers) is not { } body)
        {
            return;
        }

        var form = Form(body);
        if (form.GetValueOrDefault("ssl_check") == "1")
        {
            // Slack's certificate check: confirm receipt, nothing else (docs: implementing slash commands).
            return;
        }

        var command = new SlashCommandPayload
        {
            TeamId = form.GetValueOrDefault("team_id"),
            ChannelId = form.GetValueOrDefault("channel_id"),
            UserId = form.GetValueOrDefault("user_id"),
            UserName = form.GetValueOrDefault("user_name"),
            Command = form.GetValueOrDefault("command"),
            Text = form.GetValueOrDefault("text"),
            ResponseUrl = form.GetValueOrDefault("response_url"),
            TriggerId = form.GetValueOrDefault("trigger_id"),
        };
        await WriteAsync(http, await processor.CommandAsync(command, InboundSource.Http, http.RequestAborted));
    }

    private static async Task EventsAsync(HttpContext http, SlackInboundProcessor processor, SlackSignatureVerifier verifier,
        PlatformMetrics metrics, ILoggerFactory loggers)
    {
        if (await ReadSignedAsync(http, verifier, metrics, loggers) is not { } body)
        {
            return;
        }

        EventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body, SlackJsonContext.Default.EventEnvelope);
        }
        catch (JsonException)
        {
            envelope = null;
        }

        if (envelope is null)
        {
            metrics.Inbound(Platform.Slack, InboundSource.Http, "invalid");
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (envelope.Type == "url_verification")
        {
            // Answer with the challenge as plain text (https://api.slack.com/events/url_verification).
            http.Response.ContentType = "text/plain";
            await http.Response.WriteAsync(envelope.Challenge ?? string.Empty, http.RequestAborted);
            return;
        }

        // A retry (X-Slack-Retry-Num) is handled like the first delivery: its natural key makes it a duplicate.
        await processor.EventAsync(envelope, InboundSource.Http, http.RequestAborted);
    }

    private static async Task InteractivityAsync(HttpContext http, SlackInboundProcessor processor, SlackSignatureVerifier verifier,
        PlatformMetrics metrics, ILoggerFactory loggers)
    {
        if (await ReadSignedAsync(http, verifier, metrics, loggers) is not { } body)
        {
            return;
        }

        InteractionPayload? payload;
        try
        {
            payload = Form(body).GetValueOrDefault("payload") is { } json
                ? JsonSerializer.Deserialize(json, SlackJsonContext.Default.InteractionPayload)
                : null;
        }
        catch (JsonException)
        {
            payload = null;
        }

        if (payload is null)
        {
            metrics.Inbound(Platform.Slack, InboundSource.Http, "invalid");
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await WriteAsync(http, await processor.InteractionAsync(payload, InboundSource.Http, http.RequestAborted));
    }

    /// <summary>
    /// Reads the raw body and checks its signature. Returns null, having answered 401 (or 413), when it fails.
    /// </summary>
    private static async Task<byte[]?> ReadSignedAsync(HttpContext http, SlackSignatureVerifier verifier, PlatformMetrics metrics, ILoggerFactory loggers)
    {
        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            metrics.Inbound(Platform.Slack, InboundSource.Http, "invalid");
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return null;
        }

        var check = verifier.Verify(
            http.Request.Headers["X-Slack-Request-Timestamp"].ToString(),
            http.Request.Headers["X-Slack-Signature"].ToString(),
            body);
        if (check == SignatureCheck.Valid)
        {
            return body;
        }

        metrics.Inbound(Platform.Slack, InboundSource.Http, "rejected_signature");
        loggers.CreateLogger(typeof(SlackEndpoints).FullName!).SignatureRejected(http.Request.Path, check);
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return null;
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        if (request.ContentLength is { } length)
        {
            // Slack always sends Content-Length: read straight into a buffer of that size, with no copy.
            var body = new byte[length];
            var filled = 0;
            int got;
            while (filled < body.Length && (got = await request.Body.ReadAsync(body.AsMemory(filled), cancellationToken)) > 0)
            {
                filled += got;
            }

            return filled == body.Length ? body : body[..filled];
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Dictionary<string, string> Form(byte[] body) =>
        QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body))
            .ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);

    private static async Task WriteAsync(HttpContext http, SlackReply? reply)
    {
        if (reply is null)
        {
            return;
        }

        // Serialized straight to UTF-8 and sent with its length: no UTF-16 string to transcode, no chunked framing.
        var json = JsonSerializer.SerializeToUtf8Bytes(reply, SlackJsonContext.Default.SlackReply);
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = json.Length;
        await http.Response.Body.WriteAsync(json, http.RequestAborted);
    }
}

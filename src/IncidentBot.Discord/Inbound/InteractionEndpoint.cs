using System.Text.Json;
using IncidentBot.Core.Diagnostics;
using IncidentBot.Core.Incidents;
using IncidentBot.Discord.Diagnostics;
using IncidentBot.Discord.Rest;
using IncidentBot.Discord.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Discord.Inbound;

/// <summary>
/// <c>POST /discord/interactions</c>, served when <c>Discord:PublicKey</c> is set (the portal's Interactions
/// Endpoint URL then replaces gateway delivery). The signature is checked over the raw bytes before anything is
/// parsed; a failure is a 401 and leaves no trace. The answer goes inline in the HTTP response, except one with
/// a file, which goes through the callback endpoint while the request is answered 202.
/// </summary>
internal sealed class InteractionEndpoint(
    InteractionSignature signature,
    DiscordInteractionHandler handler,
    DiscordRestClient rest,
    PlatformMetrics metrics,
    ILogger<InteractionEndpoint> logger)
{
    /// <summary>Interactions are small; anything bigger is not from Discord.</summary>
    private const int MaxBody = 256 * 1024;

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBody)
        {
            return Reject();
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBody
            || !signature.IsValid(request.Headers["X-Signature-Timestamp"], request.Headers["X-Signature-Ed25519"], buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
        {
            return Reject();
        }

        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), DiscordJsonContext.Default.Interaction);
        }
        catch (JsonException)
        {
            interaction = null;
        }

        if (interaction is null)
        {
            metrics.Inbound(Platform.Discord, InboundSources.Http, "invalid");
            return Results.BadRequest();
        }

        var reply = await handler.HandleAsync(interaction, InboundSources.Http, cancellationToken);
        if (reply.File is not null)
        {
            await rest.RespondAsync(interaction.Id, interaction.Token, reply.Response, reply.File, cancellationToken);
            await FollowUpAsync(interaction, reply, cancellationToken);
            return Results.StatusCode(StatusCodes.Status202Accepted);
        }

        if (reply.FollowUp is not null)
        {
            // The follow-up may only be sent once the response is out; it must not hold up the 3-second answer.
            request.HttpContext.Response.OnCompleted(() => FollowUpAsync(interaction, reply, CancellationToken.None));
        }

        return Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(reply.Response, DiscordJsonContext.Default.InteractionResponse), "application/json");
    }

    private async Task FollowUpAsync(Interaction interaction, InteractionReply reply, CancellationToken cancellationToken)
    {
        if (reply.FollowUp is not { } followUp)
        {
            return;
        }

        try
        {
            await rest.FollowUpAsync(interaction.Token, followUp, cancellationToken);
        }
        catch (Exception e) when (e is DiscordApiException or IncidentBot.Core.Messaging.PlatformUnavailableException)
        {
            DiscordLog.FollowUpFailed(logger, interaction.Id, e.Message);
        }
    }

    private IResult Reject()
    {
        metrics.Inbound(Platform.Discord, InboundSources.Http, "rejected_signature");
        return Results.Text("invalid request signature", "text/plain", statusCode: StatusCodes.Status401Unauthorized);
    }
}

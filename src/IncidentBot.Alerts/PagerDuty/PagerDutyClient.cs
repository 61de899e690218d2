using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Alerts.Configuration;
using IncidentBot.Alerts.Http;
using IncidentBot.Core.Alerts;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Alerts.PagerDuty;

/// <summary>
/// PagerDuty REST API v2, as the outbox calls it (reference/alerting.md §2): <c>PUT /incidents/{id}</c> to acknowledge
/// or resolve, <c>POST /incidents/{id}/notes</c> for an update, with <c>Authorization: Token token=…</c> and the
/// <c>From</c> user. One attempt per call: the outbox owns the retries, so a 429 (honouring <c>Retry-After</c> or
/// <c>ratelimit-reset</c>), a 5xx, a timeout or a refused connection leaves the intent queued; any other 4xx is final.
/// Acknowledge and resolve set a state, so repeating them is harmless; a note is not, so a note whose earlier attempt
/// may have been made (DESIGN.md §7) is first looked for among the incident's notes (<c>GET /incidents/{id}/notes</c>).
/// </summary>
internal sealed class PagerDutyClient(
    IHttpClientFactory clients,
    IOptions<PagerDutyOptions> options,
    TimeProvider time,
    ILogger<PagerDutyClient> logger) : IIncidentSync
{
    public const string HttpClientName = "pagerduty";

    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(15);

    /// <summary>How far PagerDuty's clock may be behind ours when it stamps a note.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public bool Accepts(OutboundIntent intent) => intent is SyncPagerDuty;

    public async Task SendAsync(Incident incident, OutboundIntent intent, Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (intent is not SyncPagerDuty sync)
        {
            throw new PlatformRejectedException($"PagerDuty cannot deliver {intent.GetType().Name}.");
        }

        var id = Uri.EscapeDataString(sync.PagerDutyId);
        if (sync.Action == PagerDutyAction.Note && delivery.IsRetry && await HasNoteAsync(id, sync.Note, delivery, cancellationToken))
        {
            logger.PagerDutyNoteFound(sync.PagerDutyId, incident.Id);
            return;
        }

        using var request = sync.Action switch
        {
            PagerDutyAction.Note => Request(HttpMethod.Post, $"incidents/{id}/notes", new JsonObject { ["note"] = new JsonObject { ["content"] = sync.Note } }),
            _ => Request(HttpMethod.Put, $"incidents/{id}", new JsonObject
            {
                ["incident"] = new JsonObject
                {
                    ["type"] = "incident_reference",
                    ["status"] = sync.Action == PagerDutyAction.Acknowledge ? "acknowledged" : "resolved",
                },
            }),
        };

        using (var response = await CallAsync(request, cancellationToken))
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var error = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500)
            {
                throw new PlatformUnavailableException($"PagerDuty answered {status}", RetryAfter(response));
            }

            logger.PagerDutyRefused(sync.Action.ToString(), sync.PagerDutyId, incident.Id.ToString(), status, error.Length > 300 ? error[..300] : error);
            throw new PlatformRejectedException($"PagerDuty refused {sync.Action} of {sync.PagerDutyId}: {status}");
        }
    }

    /// <summary>Whether the incident already has this note, made no earlier than the message was queued.</summary>
    private async Task<bool> HasNoteAsync(string id, string? note, Delivery delivery, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, $"incidents/{id}/notes", null);
        using var response = await CallAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // Not knowing is not a licence to post: the note waits for a look that succeeds.
            throw new PlatformUnavailableException($"PagerDuty answered {(int)response.StatusCode} to the notes look-up", RetryAfter(response));
        }

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return body?["notes"] is JsonArray notes && notes.Any(n =>
            n?["content"]?.GetValue<string>() == note
            && (n?["created_at"]?.GetValue<string>() is not { } made
                || !DateTimeOffset.TryParse(made, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                || at >= delivery.QueuedAt - ClockSkew));
    }

    private async Task<HttpResponseMessage> CallAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(AttemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await clients.CreateClient(HttpClientName).SendAsync(request, linked.Token);
        }
        catch (HttpRequestException e)
        {
            throw new PlatformUnavailableException($"PagerDuty could not be reached: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PlatformUnavailableException("PagerDuty did not answer in time", e);
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path, JsonObject? body)
    {
        var settings = options.Value;
        var request = new HttpRequestMessage(method, new Uri(settings.ApiBase, path))
        {
            Content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", "token=" + settings.ApiToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.pagerduty+json") { Parameters = { new NameValueHeaderValue("version", "2") } });
        request.Headers.TryAddWithoutValidation("From", settings.From);
        return request;
    }

    /// <summary><c>Retry-After</c> (seconds or a date), else PagerDuty's <c>ratelimit-reset</c> (seconds until the window resets).</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } retry)
        {
            return retry.Delta ?? (retry.Date is { } date ? date - time.GetUtcNow() : null);
        }

        return response.Headers.TryGetValues("ratelimit-reset", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 3600
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }
}

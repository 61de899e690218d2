using IncidentBot.Alerts.Configuration;
using IncidentBot.Alerts.Inbound;
using IncidentBot.Alerts.Signing;
using IncidentBot.Core.Alerts;
using IncidentBot.Core.Inbound;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Alerts.Http;

/// <summary>
/// The three webhooks (DESIGN.md §9). Each authenticates before it parses, refuses bad input with a 4xx naming the
/// problem and storing nothing, records what it accepts in one transaction (the 200 means stored, §7), and calls no
/// one on the request path. A fault of ours is a 5xx, which every sender retries; PagerDuty drops a 4xx for good.
/// </summary>
internal sealed class AlertIntake(
    IOptions<AlertsOptions> alerts,
    IOptions<PagerDutyOptions> pagerDuty,
    IConfiguration configuration,
    IEnumerable<IPlatformWorkspace> workspaces,
    TimeProvider time,
    ILogger<AlertIntake> logger)
{
    private readonly AlertRouting? _routing = AlertRouting.From(alerts.Value, configuration).Routing;

    public Task<IResult> AlertmanagerAsync(HttpContext context) => AlertsAsync(context, AlertmanagerMapper.Alertmanager);

    public Task<IResult> GrafanaAsync(HttpContext context) => AlertsAsync(context, AlertmanagerMapper.Grafana);

    public async Task<IResult> PagerDutyAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        const string endpoint = "/pagerduty/webhook";
        var body = await RequestBody.ReadAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return Refuse(endpoint, StatusCodes.Status413PayloadTooLarge, $"the body is larger than {RequestBody.MaxBytes} bytes");
        }

        if (!PagerDutySignature.Verify(body, context.Request.Headers[PagerDutySignature.Header], pagerDuty.Value.Secrets))
        {
            return Refuse(endpoint, StatusCodes.Status401Unauthorized,
                $"{PagerDutySignature.Header} is missing or matches none of the configured secrets (PagerDuty__WebhookSecret)");
        }

        var (page, problem) = PagerDutyMapper.Map(body);
        if (page is null)
        {
            return Refuse(endpoint, StatusCodes.Status400BadRequest, problem!);
        }

        if (page.Kind == PageEventKind.Other)
        {
            logger.Handled(endpoint, "ignored " + page.Title, null);
            return Results.Json(new IntakeReply("ignored", null, null));
        }

        return await HandleAsync(context, endpoint, (c) => new PageEventReceived(c, page), AlertSenders.PagerDuty, "pagerduty:" + page.EventId);
    }

    private async Task<IResult> AlertsAsync(HttpContext context, string source)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = "/alerts/" + source;
        if (!BearerToken.Matches(context.Request.Headers.Authorization, alerts.Value.Token!))
        {
            return Refuse(endpoint, StatusCodes.Status401Unauthorized, "Authorization: Bearer <Alerts__Token> is missing or wrong");
        }

        var body = await RequestBody.ReadAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return Refuse(endpoint, StatusCodes.Status413PayloadTooLarge, $"the body is larger than {RequestBody.MaxBytes} bytes");
        }

        if (source == AlertmanagerMapper.Grafana && alerts.Value.GrafanaSecret is { Length: > 0 } secret
            && GrafanaSignature.Check(body, context.Request.Headers[GrafanaSignature.Header], context.Request.Headers[GrafanaSignature.TimestampHeader],
                secret, time.GetUtcNow()) is { } signatureProblem)
        {
            return Refuse(endpoint, StatusCodes.Status401Unauthorized, signatureProblem);
        }

        var (group, key, problem) = AlertmanagerMapper.Map(body, source);
        if (group is null)
        {
            return Refuse(endpoint, StatusCodes.Status400BadRequest, problem!);
        }

        return await HandleAsync(context, endpoint, c => new AlertGroupReceived(c, group), AlertSenders.For(source), key!);
    }

    private async Task<IResult> HandleAsync(
        HttpContext context, string endpoint, Func<InboundContext, InboundEvent> make, Core.Incidents.UserRef sender, string key)
    {
        if (_routing?.Resolve(workspaces) is not { } workspace)
        {
            // Transient: the Slack adapter learns its team from auth.test shortly after start-up.
            return Unavailable(endpoint, "the chat workspace is not known yet (the bot is still connecting to the platform); retry shortly");
        }

        try
        {
            var handler = context.RequestServices.GetRequiredService<IInboundHandler>();
            var inbound = make(new InboundContext(workspace, _routing.Channel, null, sender, time.GetUtcNow(), key));
            var outcome = await handler.HandleAsync(inbound, context.RequestAborted);
            var result = outcome.Result.ToString().ToLowerInvariant();
            var incident = outcome.IncidentId?.ToString();
            logger.Handled(endpoint, result, incident);
            return Results.Json(new IntakeReply(result, incident, outcome.Reply?.ToPlainText()));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage full, locked or failing: nothing was committed, and a 5xx makes the sender deliver it again.
            logger.Failed(e, endpoint);
            return Unavailable(endpoint, "the notification could not be stored right now; it will be retried");
        }
    }

    private IResult Refuse(string endpoint, int status, string problem)
    {
        logger.Refused(endpoint, status, problem);
        return Results.Json(IntakeReply.Problem(problem), statusCode: status);
    }

    private IResult Unavailable(string endpoint, string problem) => Refuse(endpoint, StatusCodes.Status503ServiceUnavailable, problem);
}

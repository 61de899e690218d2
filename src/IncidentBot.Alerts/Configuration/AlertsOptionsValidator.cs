using IncidentBot.Core.Incidents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace IncidentBot.Alerts.Configuration;

/// <summary>One clean line per problem, naming the key and the fix (DESIGN.md §4).</summary>
internal sealed class AlertsOptionsValidator(IConfiguration configuration) : IValidateOptions<AlertsOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertsOptions options)
    {
        var pagerDutyOn = !string.IsNullOrWhiteSpace(configuration["PagerDuty:WebhookSecret"]);
        if (!options.Enabled && !pagerDutyOn)
        {
            return ValidateOptionsResult.Success;
        }

        if (options.Enabled && (options.Token!.Length < AlertsOptions.MinimumTokenLength || options.Token.Any(char.IsWhiteSpace)))
        {
            return ValidateOptionsResult.Fail(
                $"Alerts__Token: must be at least {AlertsOptions.MinimumTokenLength} characters with no spaces; generate one with `openssl rand -hex 32`.");
        }

        if (options.GrafanaSecret is { Length: > 0 } secret && secret.Any(char.IsWhiteSpace))
        {
            return ValidateOptionsResult.Fail("Alerts__GrafanaSecret: must not contain spaces; paste the contact point's HMAC secret exactly.");
        }

        if (string.IsNullOrWhiteSpace(options.SeverityLabel))
        {
            return ValidateOptionsResult.Fail("Alerts__SeverityLabel: must name a label, e.g. severity.");
        }

        if (!SeverityMapText.TryParse(options.SeverityMap, out _, out var mapProblem))
        {
            return ValidateOptionsResult.Fail(
                $"Alerts__SeverityMap: {mapProblem}; write label values and severities, e.g. {AlertsOptions.DefaultSeverityMap}.");
        }

        if (!SeverityText.TryParse(options.DeclareAt, out _))
        {
            return ValidateOptionsResult.Fail($"Alerts__DeclareAt: '{options.DeclareAt}' is not a severity; use SEV1, SEV2 or SEV3.");
        }

        var (_, routingProblem) = AlertRouting.From(options, configuration);
        return routingProblem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(routingProblem);
    }
}

using Microsoft.Extensions.Options;

namespace IncidentBot.Alerts.Configuration;

/// <summary>One clean line per problem, naming the key and the fix (DESIGN.md §4).</summary>
internal sealed class PagerDutyOptionsValidator : IValidateOptions<PagerDutyOptions>
{
    public ValidateOptionsResult Validate(string? name, PagerDutyOptions options)
    {
        if (options.WebhookEnabled && options.Secrets.Any(s => s.Any(char.IsWhiteSpace)))
        {
            return ValidateOptionsResult.Fail(
                "PagerDuty__WebhookSecret: a secret must not contain spaces; separate several (during a rotation) with commas.");
        }

        if (options.SyncEnabled)
        {
            if (options.ApiToken!.Any(char.IsWhiteSpace))
            {
                return ValidateOptionsResult.Fail("PagerDuty__ApiToken: must not contain spaces; paste the REST API key exactly.");
            }

            if (options.From is not { Length: > 2 } from || !from.Contains('@', StringComparison.Ordinal) || from.Any(char.IsWhiteSpace))
            {
                return ValidateOptionsResult.Fail(
                    "PagerDuty__From: set the email of the PagerDuty user the bot acts as; PagerDuty requires it on every incident change.");
            }

            if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("https" or "http"))
            {
                return ValidateOptionsResult.Fail("PagerDuty__ApiBaseUrl: must be an absolute http(s) URL, e.g. https://api.pagerduty.com/.");
            }
        }

        return SeverityMapText.TryParse(options.SeverityMap, out _, out var problem)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"PagerDuty__SeverityMap: {problem}; write priorities or urgencies and severities, e.g. {PagerDutyOptions.DefaultSeverityMap}.");
    }
}

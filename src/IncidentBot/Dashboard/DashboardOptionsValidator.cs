using Microsoft.Extensions.Options;

namespace IncidentBot.Dashboard;

/// <summary>Refuses half an OpenID Connect configuration and malformed lists, naming the key and the fix.</summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var failures = new List<string>();
        if (!TryParse(options.Workspaces, out var problem))
        {
            failures.Add($"Dashboard__Workspaces: {problem}");
        }

        if (options.SessionLifetime <= TimeSpan.Zero)
        {
            failures.Add("Dashboard__SessionLifetime: must be positive, e.g. 12:00:00.");
        }

        var oidc = options.Oidc;
        if (options.OidcConfigured)
        {
            if (string.IsNullOrWhiteSpace(oidc.Authority) || string.IsNullOrWhiteSpace(oidc.ClientId) || string.IsNullOrWhiteSpace(oidc.ClientSecret))
            {
                failures.Add("Dashboard__Oidc__Authority, Dashboard__Oidc__ClientId and Dashboard__Oidc__ClientSecret: set all three (or none, to sign in with Api__Token).");
            }
            else if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority)
                || !(authority.Scheme == Uri.UriSchemeHttps || (authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback)))
            {
                failures.Add($"Dashboard__Oidc__Authority: '{oidc.Authority}' is not an https:// URL of the provider (the issuer, e.g. https://accounts.google.com).");
            }
        }

        var entries = (oidc.DomainWorkspaces ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var entry in entries.Where(e => !e.Contains('=', StringComparison.Ordinal)))
        {
            failures.Add($"Dashboard__Oidc__DomainWorkspaces: '{entry}' has no '='; write example.com=slack:T0123;example.org=discord:4567.");
        }

        foreach (var (domain, workspaces) in oidc.ParsedDomainWorkspaces())
        {
            if (!TryParse(workspaces, out var domainProblem))
            {
                failures.Add($"Dashboard__Oidc__DomainWorkspaces ({domain}): {domainProblem}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool TryParse(string? list, out string problem)
    {
        foreach (var item in DashboardOptions.Split(list))
        {
            bool valid;
            try
            {
                valid = Core.Incidents.WorkspaceId.Parse(item).Id.Length > 0;
            }
            catch (FormatException)
            {
                valid = false;
            }

            if (!valid)
            {
                problem = $"'{item}' is not a workspace; write slack:<team id> or discord:<guild id>, comma-separated.";
                return false;
            }
        }

        problem = string.Empty;
        return true;
    }
}

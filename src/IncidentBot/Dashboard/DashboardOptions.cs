using IncidentBot.Core.Incidents;

namespace IncidentBot.Dashboard;

/// <summary>
/// Section <c>Dashboard</c>: who may sign in and which workspaces they see (DESIGN.md §10). Lists are comma-separated,
/// so one environment variable or <c>.env</c> line holds them.
/// </summary>
internal sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Workspaces every signed-in person sees (<c>slack:T0123,discord:4567</c>); empty: every workspace.</summary>
    public string? Workspaces { get; set; }

    /// <summary>How long a session lasts without use; each page view renews it.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    public DashboardOidcOptions Oidc { get; set; } = new();

    public bool OidcConfigured =>
        !string.IsNullOrWhiteSpace(Oidc.Authority) || !string.IsNullOrWhiteSpace(Oidc.ClientId) || !string.IsNullOrWhiteSpace(Oidc.ClientSecret);

    public IReadOnlyList<WorkspaceId> ParsedWorkspaces() => ParseWorkspaces(Workspaces);

    public static IReadOnlyList<WorkspaceId> ParseWorkspaces(string? list) =>
        [.. Split(list).Select(WorkspaceId.Parse)];

    public static IEnumerable<string> Split(string? list) =>
        (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Section <c>Dashboard:Oidc</c>: any OpenID Connect provider (Sign in with Slack, Google, Okta, Entra ID…).</summary>
internal sealed class DashboardOidcOptions
{
    /// <summary>The issuer, e.g. <c>https://slack.com</c> or <c>https://accounts.google.com</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Email domains allowed to sign in (<c>example.com,example.org</c>); empty: anyone the provider signs in.</summary>
    public string? AllowedDomains { get; set; }

    /// <summary>
    /// Per email domain, the workspaces its people see: <c>example.com=slack:T0123;example.org=discord:4567,slack:T0456</c>.
    /// One string rather than a key per domain, since a domain's dots do not belong in an environment variable's name.
    /// A domain not listed sees <see cref="DashboardOptions.Workspaces"/>.
    /// </summary>
    public string? DomainWorkspaces { get; set; }

    /// <summary>The map of <see cref="DomainWorkspaces"/>; entries without <c>=</c> are skipped here and refused by the validator.</summary>
    public IReadOnlyDictionary<string, string> ParsedDomainWorkspaces() =>
        (DomainWorkspaces ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => entry.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0].TrimStart('@').ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> ParsedAllowedDomains() => [.. DashboardOptions.Split(AllowedDomains).Select(d => d.TrimStart('@').ToLowerInvariant())];
}

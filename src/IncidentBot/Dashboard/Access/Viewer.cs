using System.Security.Claims;
using IncidentBot.Core.Dashboard;

namespace IncidentBot.Dashboard.Access;

/// <summary>The signed-in person: the name the header shows and the workspaces they may see.</summary>
/// <remarks>Public only because Razor components, which take it as a parameter, always are.</remarks>
public sealed record Viewer(string Name, WorkspaceScope Scope)
{
    public const string EmailClaim = "email";

    /// <summary>
    /// The scope comes from today's configuration, not from the cookie, so a change of <c>Dashboard__Workspaces</c>
    /// applies to sessions already open at the next restart.
    /// </summary>
    internal static Viewer From(ClaimsPrincipal user, DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(options);
        var email = user.FindFirst(EmailClaim)?.Value;
        var name = user.Identity?.Name ?? email ?? "signed in";
        var domain = email is { } e && e.LastIndexOf('@') is var at and >= 0 ? e[(at + 1)..] : null;
        var list = domain is not null && options.Oidc.ParsedDomainWorkspaces().TryGetValue(domain, out var forDomain)
            ? DashboardOptions.ParseWorkspaces(forDomain)
            : options.ParsedWorkspaces();
        return new Viewer(name, list.Count == 0 ? WorkspaceScope.All : WorkspaceScope.Of(list));
    }
}

using IncidentBot.Dashboard.Access;

namespace IncidentBot.Dashboard.Tests.Host;

/// <summary>Configuration mistakes are named at start-up, and the small rules sign-in relies on.</summary>
public sealed class OptionsTests
{
    private readonly DashboardOptionsValidator _validator = new();

    [Fact]
    public void Half_an_oidc_configuration_is_refused_naming_the_three_keys()
    {
        var result = _validator.Validate(null, new DashboardOptions { Oidc = new DashboardOidcOptions { Authority = "https://accounts.google.com" } });

        Assert.True(result.Failed);
        Assert.Contains("Dashboard__Oidc__ClientSecret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://login.example.com")]
    [InlineData("accounts.google.com")]
    public void An_authority_that_is_not_https_is_refused(string authority)
    {
        var options = new DashboardOptions { Oidc = new DashboardOidcOptions { Authority = authority, ClientId = "id", ClientSecret = "secret" } };

        Assert.Contains("Dashboard__Oidc__Authority", _validator.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("slack")]
    [InlineData("teams:T1")]
    [InlineData("slack:")]
    public void A_workspace_list_with_a_malformed_entry_is_refused(string list)
    {
        Assert.Contains("Dashboard__Workspaces", _validator.Validate(null, new DashboardOptions { Workspaces = list }).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_configuration_passes()
    {
        var options = new DashboardOptions
        {
            Workspaces = "slack:T0123, discord:4567",
            Oidc = new DashboardOidcOptions { Authority = "https://slack.com", ClientId = "id", ClientSecret = "secret", AllowedDomains = "example.com" },
        };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("example.com=teams:T1")]
    public void A_domain_map_with_a_malformed_entry_is_refused(string map)
    {
        var options = new DashboardOptions { Oidc = new DashboardOidcOptions { DomainWorkspaces = map } };

        Assert.Contains("Dashboard__Oidc__DomainWorkspaces", _validator.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_person_of_a_mapped_domain_sees_that_domain_s_workspaces_and_others_the_default_list()
    {
        var options = new DashboardOptions
        {
            Workspaces = "slack:T0ALL",
            Oidc = new DashboardOidcOptions { DomainWorkspaces = "Example.com=discord:42,slack:T0EX; other.org=slack:T0OTHER" },
        };

        var mapped = Viewer.From(Person("ana@example.com"), options).Scope;
        var unmapped = Viewer.From(Person("bo@elsewhere.net"), options).Scope;

        Assert.True(mapped.Allows(new(Core.Incidents.Platform.Discord, "42")) && mapped.Allows(new(Core.Incidents.Platform.Slack, "T0EX")));
        Assert.False(mapped.Allows(new(Core.Incidents.Platform.Slack, "T0ALL")));
        Assert.True(unmapped.Allows(new(Core.Incidents.Platform.Slack, "T0ALL")));
        Assert.False(unmapped.Allows(new(Core.Incidents.Platform.Discord, "42")));
    }

    [Theory]
    [InlineData("/incidents/INC-4", "/incidents/INC-4")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example", "/")]
    [InlineData(null, "/")]
    public void Only_a_path_on_this_site_is_a_return_address(string? url, string expected) =>
        Assert.Equal(expected, SignInEndpoints.LocalOrRoot(url));

    [Theory]
    [InlineData("jens@example.com", null, true)]
    [InlineData("jens@EXAMPLE.com", "true", true)]
    [InlineData("jens@example.com", "false", false)]
    [InlineData("jens@example.com.evil.io", null, false)]
    [InlineData(null, null, false)]
    public void Allowed_domains_admit_only_verified_addresses_of_those_domains(string? email, string? verified, bool allowed) =>
        Assert.Equal(allowed, OidcDomains.Allows(["example.com"], email, verified));

    [Fact]
    public void A_token_session_ends_when_the_token_changes_and_an_oidc_session_does_not_depend_on_it()
    {
        var token = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(TokenSessions.Claim, TokenSessions.Fingerprint("first-token-0123456789"))], TokenSessions.AuthenticationType));

        Assert.True(TokenSessions.StillValid(token, "first-token-0123456789"));
        Assert.False(TokenSessions.StillValid(token, "second-token-0123456789"));
        Assert.False(TokenSessions.StillValid(token, null));
        Assert.True(TokenSessions.StillValid(Person("ana@example.com"), null));
    }

    private static System.Security.Claims.ClaimsPrincipal Person(string email) =>
        new(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim(Viewer.EmailClaim, email)], "oidc"));
}

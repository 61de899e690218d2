using System.Net;
using System.Web;
using IncidentBot.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IncidentBot.Dashboard.Tests.Host;

/// <summary>
/// With <c>Dashboard__Oidc__*</c> set, sign-in goes to the provider: the authorization-code flow with PKCE, so no
/// token ever rides in a URL. The provider here is a loopback fake that publishes only its discovery document.
/// </summary>
public sealed class OidcTests
{
    [Fact]
    public async Task Sign_in_redirects_to_the_provider_with_a_code_flow_and_pkce()
    {
        await using var provider = await FakeProviderAsync();
        var authority = provider.Urls.First();
        await using var app = new BotApplication(new Dictionary<string, string?>
        {
            ["Dashboard:Oidc:Authority"] = authority,
            ["Dashboard:Oidc:ClientId"] = "incidentbot-dashboard",
            ["Dashboard:Oidc:ClientSecret"] = "client-secret-0123456789",
        }).Start();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var page = await client.GetStringAsync(new Uri("/signin?retry=1&returnUrl=%2Finsights", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("/signin/oidc?returnUrl=%2Finsights", page, StringComparison.Ordinal);
        Assert.DoesNotContain("API token", page, StringComparison.Ordinal);

        var challenge = await client.GetAsync(new Uri("/signin/oidc?returnUrl=%2Finsights", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!;
        Assert.StartsWith(authority + "/authorize", location.ToString(), StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("incidentbot-dashboard", query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.EndsWith("/signin-oidc", query["redirect_uri"], StringComparison.Ordinal);
        Assert.Contains("email", query["scope"]!.Split(' '));
        Assert.Null(query["client_secret"]);
    }

    private static async Task<WebApplication> FakeProviderAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", (HttpContext context) =>
        {
            var issuer = $"{context.Request.Scheme}://{context.Request.Host}";
            return Results.Text($$"""
                {"issuer":"{{issuer}}","authorization_endpoint":"{{issuer}}/authorize","token_endpoint":"{{issuer}}/token",
                 "userinfo_endpoint":"{{issuer}}/userinfo","jwks_uri":"{{issuer}}/jwks","response_types_supported":["code"],
                 "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}
                """, "application/json");
        });
        app.MapGet("/jwks", () => Results.Text("""{"keys":[]}""", "application/json"));
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }
}

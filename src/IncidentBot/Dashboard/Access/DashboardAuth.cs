using IncidentBot.Api;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace IncidentBot.Dashboard.Access;

/// <summary>
/// The session cookie and, when configured, OpenID Connect. Schemes are named, never the default, so the bearer
/// token of <c>/api</c> and the platforms' signatures stay exactly as they are.
/// </summary>
internal static class DashboardAuth
{
    public const string CookieScheme = "Dashboard";
    public const string OidcScheme = "DashboardOidc";
    public const string CookieName = "incidentbot.session";
    public const string CallbackPath = "/signin-oidc";

    public static DashboardAccessMode ModeOf(DashboardOptions dashboard, ApiOptions api) =>
        dashboard.OidcConfigured ? DashboardAccessMode.Oidc
        : !string.IsNullOrEmpty(api.Token) ? DashboardAccessMode.Token
        : DashboardAccessMode.Off;

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new DashboardOptions();
        var authentication = services.AddAuthentication().AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;

            // Secure whenever the request came over HTTPS (behind a proxy: ASPNETCORE_FORWARDEDHEADERS_ENABLED=true).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = options.SessionLifetime;
            o.SlidingExpiration = true;

            // Pages decide for themselves (a sign-in page, or 401 for the event stream); never the handler's redirect.
            o.Events.OnRedirectToLogin = c =>
            {
                c.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
        });

        if (options.OidcConfigured)
        {
            authentication.AddOpenIdConnect(OidcScheme, o => Configure(o, options.Oidc));
        }

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "incidentbot.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__csrf";
        });
    }

    private static void Configure(OpenIdConnectOptions o, DashboardOidcOptions oidc)
    {
        o.SignInScheme = CookieScheme;
        o.Authority = oidc.Authority;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = oidc.ClientSecret;
        o.CallbackPath = CallbackPath;

        // Authorization code with PKCE: no token ever travels in a URL (https://openid.net/specs/openid-connect-core-1_0.html#CodeFlowAuth).
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        o.SaveTokens = false;
        o.GetClaimsFromUserInfoEndpoint = true;
        o.MapInboundClaims = false;
        o.TokenValidationParameters.NameClaimType = "name";
        o.RequireHttpsMetadata = !(Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) && authority.IsLoopback);
        o.Scope.Clear();
        foreach (var scope in new[] { "openid", "profile", "email" })
        {
            o.Scope.Add(scope);
        }

        var allowed = oidc.ParsedAllowedDomains();
        o.Events.OnTicketReceived = context =>
        {
            var email = context.Principal?.FindFirst(Viewer.EmailClaim)?.Value;
            if (!OidcDomains.Allows(allowed, email, context.Principal?.FindFirst("email_verified")?.Value))
            {
                context.Response.Redirect("/signin?denied=1");
                context.HandleResponse();
                return Task.CompletedTask;
            }

            // The provider's redirect is cross-site, so the SameSite=Strict cookie would not ride on the next
            // request of the same chain: land on a page of ours that continues same-site.
            context.ReturnUri = SignInEndpoints.ContinuePath(context.ReturnUri);
            return Task.CompletedTask;
        };
    }
}

using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using IncidentBot.Api;
using IncidentBot.Dashboard.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IncidentBot.Dashboard.Access;

/// <summary>
/// Sign-in and sign-out. The session is a cookie (HttpOnly, SameSite=Strict, Secure over HTTPS); the token or the
/// provider's code travels only in a POST body or the provider's redirect, never in a URL of ours.
/// </summary>
internal static partial class SignInEndpoints
{
    public const string SignInPath = "/signin";

    public static void Map(IEndpointRouteBuilder endpoints, DashboardAccessMode mode)
    {
        endpoints.MapGet(SignInPath, (HttpContext context, string? returnUrl, string? retry, string? denied, string? signedOut) => ShowAsync(context, mode, returnUrl, retry is not null, denied is not null ? "Your account is not allowed to use this dashboard." : null, signedOut is not null));
        if (mode == DashboardAccessMode.Token)
        {
            endpoints.MapPost(SignInPath, (Delegate)((HttpContext context) => TokenSignInAsync(context, mode)));
        }

        if (mode == DashboardAccessMode.Oidc)
        {
            endpoints.MapGet(SignInPath + "/oidc", (HttpContext context, string? returnUrl) =>
                context.ChallengeAsync(DashboardAuth.OidcScheme, new AuthenticationProperties { RedirectUri = LocalOrRoot(returnUrl) }));
        }

        endpoints.MapGet(SignInPath + "/continue", (string? to) => Continue(LocalOrRoot(to)));
        endpoints.MapPost("/signout", (Delegate)SignOutAsync);
    }

    /// <summary>A page of ours that moves on to <paramref name="to"/>: the path the provider's redirect lands on.</summary>
    public static string ContinuePath(string? to) => SignInPath + "/continue?to=" + Uri.EscapeDataString(LocalOrRoot(to));

    /// <summary>Only a path on this site: <c>//evil.example</c> and <c>/\evil.example</c> are other sites to a browser.</summary>
    public static string LocalOrRoot(string? url) =>
        url is { Length: > 0 } u && u[0] == '/' && (u.Length == 1 || (u[1] != '/' && u[1] != '\\')) ? u : "/";

    private static async Task<IResult> ShowAsync(HttpContext context, DashboardAccessMode mode, string? returnUrl, bool retried, string? error, bool signedOut)
    {
        var target = LocalOrRoot(returnUrl);
        if ((await context.AuthenticateAsync(DashboardAuth.CookieScheme)).Succeeded)
        {
            return Results.Redirect(target);
        }

        if (!retried && error is null && !signedOut)
        {
            // Arriving from another site (a link in Slack), a SameSite=Strict cookie stays home: one same-site hop
            // tells "not signed in" from "signed in, but the link came from elsewhere".
            return Continue(SignInPath + "?retry=1&returnUrl=" + Uri.EscapeDataString(target));
        }

        return Page(context, mode, target, error, signedOut ? "You are signed out." : null);
    }

    private static async Task<IResult> TokenSignInAsync(HttpContext context, DashboardAccessMode mode)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!await ValidAsync(context))
        {
            return Page(context, mode, "/", "The form expired; sign in again.", null, StatusCodes.Status400BadRequest);
        }

        var target = LocalOrRoot(form["returnUrl"]);
        var expected = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.Token ?? string.Empty;
        var presented = form["token"].ToString().Trim();
        if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected)))
        {
            LogRejected(context.RequestServices.GetRequiredService<ILogger<DashboardAccessMode>>());
            return Page(context, mode, target, "That is not the API token. It is the value of Api__Token in the bot's configuration.", null, StatusCodes.Status401Unauthorized);
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "API token holder"), new Claim(TokenSessions.Claim, TokenSessions.Fingerprint(expected))],
            TokenSessions.AuthenticationType);
        await context.SignInAsync(DashboardAuth.CookieScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(target, permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        var session = await context.AuthenticateAsync(DashboardAuth.CookieScheme);
        if (session.Succeeded)
        {
            context.User = session.Principal;
        }

        if (!await ValidAsync(context))
        {
            return Results.BadRequest("The sign-out form expired; reload the page and sign out again.");
        }

        await context.SignOutAsync(DashboardAuth.CookieScheme);
        return Results.Redirect(SignInPath + "?signedOut=1");
    }

    private static async Task<bool> ValidAsync(HttpContext context)
    {
        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    private static RazorComponentResult<SignInPage> Page(HttpContext context, DashboardAccessMode mode, string returnUrl, string? error, string? notice, int status = StatusCodes.Status200OK) =>
        new(new Dictionary<string, object?>
        {
            [nameof(SignInPage.Mode)] = mode,
            [nameof(SignInPage.ReturnUrl)] = returnUrl,
            [nameof(SignInPage.Error)] = error,
            [nameof(SignInPage.Notice)] = notice,
            [nameof(SignInPage.Csrf)] = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context),
        })
        { StatusCode = status };

    private static RazorComponentResult<ContinuePage> Continue(string to) =>
        new(new Dictionary<string, object?> { [nameof(ContinuePage.To)] = to });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard sign-in refused: the token did not match Api__Token")]
    private static partial void LogRejected(ILogger logger);
}

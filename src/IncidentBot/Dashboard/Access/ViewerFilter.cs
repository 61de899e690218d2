using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IncidentBot.Dashboard.Access;

/// <summary>
/// Every dashboard route but sign-in passes here: no session, no page (a browser is sent to sign in, the event
/// stream and fragments get 401); with one, the request carries its <see cref="Viewer"/>.
/// </summary>
internal static class ViewerFilter
{
    private const string Key = "IncidentBot.Dashboard.Viewer";

    public static Viewer Viewer(this HttpContext context) => (Viewer)context.Items[Key]!;

    public static RouteGroupBuilder RequireViewer(this RouteGroupBuilder group) => group.AddEndpointFilter(async (invocation, next) =>
    {
        var context = invocation.HttpContext;
        var session = await context.AuthenticateAsync(DashboardAuth.CookieScheme);
        var options = context.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value;
        if (!session.Succeeded || !TokenSessions.StillValid(session.Principal, context.RequestServices.GetRequiredService<IOptions<Api.ApiOptions>>().Value.Token))
        {
            var path = context.Request.Path.Value ?? "/";
            return path.EndsWith("/events", StringComparison.Ordinal) || path.EndsWith("/live", StringComparison.Ordinal)
                ? Results.Unauthorized()
                : Results.Redirect(SignInEndpoints.SignInPath + "?returnUrl=" + Uri.EscapeDataString(path + context.Request.QueryString));
        }

        context.User = session.Principal;
        context.Items[Key] = Access.Viewer.From(session.Principal, options);
        return await next(invocation);
    });

    /// <summary>
    /// What a browser may do with our pages: scripts and styles from this site only (no inline script, so an escaped
    /// title that slipped through could still not run), no framing, no referrer to the chat links, nothing cached.
    /// </summary>
    public static IApplicationBuilder UseDashboardHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/slack")
            && !context.Request.Path.StartsWithSegments("/discord"))
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
        }

        await next(context);
    });
}

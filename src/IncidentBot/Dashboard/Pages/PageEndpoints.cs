using System.Text;
using IncidentBot.Core.Dashboard;
using IncidentBot.Core.Incidents;
using IncidentBot.Dashboard.Access;
using IncidentBot.Dashboard.Health;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IncidentBot.Dashboard.Pages;

/// <summary>The pages: incidents, one incident (and its draft), insights, health. Read-only: every route is a GET.</summary>
internal static class PageEndpoints
{
    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("/", ListAsync);
        pages.MapGet("/incidents/{id}", IncidentAsync);
        pages.MapGet("/incidents/{id}/postmortem.md", PostmortemAsync);
        pages.MapGet("/insights", InsightsAsync);
        pages.MapGet("/health", HealthAsync);
    }

    private static async Task<IResult> ListAsync(
        HttpContext context, IDashboardQueries queries, TimeProvider time, IAntiforgery antiforgery,
        string? status, string? severity, string? platform, string? q, int? page, CancellationToken cancellationToken)
    {
        var viewer = context.Viewer();
        if (q is { Length: > IncidentFilter.MaxTextLength })
        {
            return NotFound(context, $"The search text is longer than {IncidentFilter.MaxTextLength} characters; shorten it.", StatusCodes.Status400BadRequest);
        }

        var statusText = Known(status, ["open", .. Enum.GetNames<IncidentStatus>()]);
        var severityText = Known(severity, ["sev1", "sev2", "sev3"]);
        var platformText = Known(platform, Enum.GetNames<Platform>());
        var filter = new IncidentFilter
        {
            Scope = viewer.Scope,
            Statuses = statusText switch
            {
                "" => [],
                "open" => [.. Enum.GetValues<IncidentStatus>().Where(s => s != IncidentStatus.Closed)],
                var s => [Enum.Parse<IncidentStatus>(s, ignoreCase: true)],
            },
            Severity = SeverityText.TryParse(severityText, out var sev) ? sev : null,
            Platform = Enum.TryParse<Platform>(platformText, ignoreCase: true, out var p) && platformText.Length > 0 ? p : null,
            Text = q?.Trim(),
            Page = page ?? 1,
        };
        var result = await queries.ListAsync(filter, cancellationToken);
        var view = new IncidentsView(viewer, antiforgery.GetAndStoreTokens(context), result, statusText, severityText, platformText, q?.Trim() ?? string.Empty, time.GetUtcNow());
        return Page<IncidentsPage>(new() { [nameof(IncidentsPage.View)] = view });
    }

    private static async Task<IResult> IncidentAsync(HttpContext context, string id, IncidentReader reader, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var viewer = context.Viewer();
        if (await reader.ReadAsync(id, viewer.Scope, cancellationToken) is not { } view)
        {
            return NotFound(context, $"No incident {id} that you can see.");
        }

        return Page<IncidentPage>(new()
        {
            [nameof(IncidentPage.View)] = view,
            [nameof(IncidentPage.Viewer)] = viewer,
            [nameof(IncidentPage.Csrf)] = antiforgery.GetAndStoreTokens(context),
        });
    }

    private static async Task<IResult> PostmortemAsync(HttpContext context, string id, IncidentReader reader, CancellationToken cancellationToken)
    {
        if (await reader.PostmortemAsync(id, context.Viewer().Scope, cancellationToken) is not { } draft)
        {
            return NotFound(context, $"No postmortem draft for {id} yet.");
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(draft.Markdown), "text/markdown; charset=utf-8", draft.FileName);
    }

    private static async Task<IResult> InsightsAsync(
        HttpContext context, InsightsCache cache, IAntiforgery antiforgery, int? weeks, CancellationToken cancellationToken)
    {
        var viewer = context.Viewer();
        var count = Math.Clamp(weeks ?? InsightsBuilder.DefaultWeeks, 1, InsightsBuilder.MaxWeeks);
        var insights = await cache.GetAsync(viewer.Scope, count, cancellationToken);
        return Page<InsightsPage>(new()
        {
            [nameof(InsightsPage.Insights)] = insights,
            [nameof(InsightsPage.Weeks)] = count,
            [nameof(InsightsPage.Viewer)] = viewer,
            [nameof(InsightsPage.Csrf)] = antiforgery.GetAndStoreTokens(context),
        });
    }

    private static async Task<IResult> HealthAsync(HttpContext context, HealthReader reader, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
        Page<HealthPage>(new()
        {
            [nameof(HealthPage.Health)] = await reader.ReadAsync(cancellationToken),
            [nameof(HealthPage.Viewer)] = context.Viewer(),
            [nameof(HealthPage.Csrf)] = antiforgery.GetAndStoreTokens(context),
        });

    /// <summary>The value if it is one of <paramref name="known"/> (any case), lower-cased; otherwise "any".</summary>
    private static string Known(string? value, IEnumerable<string> known) =>
        value is { Length: > 0 } v && known.Any(k => string.Equals(k, v, StringComparison.OrdinalIgnoreCase)) ? v.ToLowerInvariant() : string.Empty;

    private static RazorComponentResult<T> Page<T>(Dictionary<string, object?> parameters)
        where T : Microsoft.AspNetCore.Components.IComponent => new(parameters);

    public static IResult NotFound(HttpContext context, string message, int status = StatusCodes.Status404NotFound) =>
        new RazorComponentResult<NotFoundPage>(new Dictionary<string, object?>
        {
            [nameof(NotFoundPage.Message)] = message,
            [nameof(NotFoundPage.Viewer)] = context.Items.ContainsKey("IncidentBot.Dashboard.Viewer") ? context.Viewer() : null,
            [nameof(NotFoundPage.Csrf)] = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context),
        })
        { StatusCode = status };
}

using System.Security.Cryptography;
using System.Text;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IncidentBot.Api;

/// <summary>The read-only operator API (DESIGN.md §4), behind a bearer token and absent while none is set.</summary>
internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapIncidentApi(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<ApiOptions>>().Value;
        if (string.IsNullOrEmpty(options.Token))
        {
            return endpoints;
        }

        var expected = Encoding.UTF8.GetBytes(options.Token);
        var api = endpoints.MapGroup("/api").AddEndpointFilter(async (context, next) =>
            Authorized(context.HttpContext.Request, expected) ? await next(context) : Results.Unauthorized());

        api.MapGet("/incidents", ListAsync);
        api.MapGet("/incidents/{id}", GetAsync);
        api.MapGet("/incidents/{id}/postmortem.md", PostmortemAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<List<IncidentDto>>, BadRequest<string>>> ListAsync(
        string? status, IIncidentReader store, CancellationToken cancellationToken)
    {
        if (status is not null && status != "open")
        {
            return TypedResults.BadRequest("status: the only filter is `open`.");
        }

        var incidents = await store.ListAsync(openOnly: status == "open", cancellationToken);
        return TypedResults.Ok(incidents.Select(i => IncidentDto.From(i)).ToList());
    }

    private static async Task<Results<Ok<IncidentDto>, NotFound>> GetAsync(string id, IIncidentReader store, CancellationToken cancellationToken)
    {
        if (!IncidentId.TryParse(id, out var incidentId) || await store.FindAsync(incidentId, cancellationToken) is not { } incident)
        {
            return TypedResults.NotFound();
        }

        var timeline = await store.GetTimelineAsync(incidentId, cancellationToken);
        var actions = await store.GetActionItemsAsync(incidentId, cancellationToken);
        return TypedResults.Ok(IncidentDto.From(incident, timeline, actions));
    }

    private static async Task<Results<ContentHttpResult, NotFound>> PostmortemAsync(string id, IIncidentReader store, CancellationToken cancellationToken)
    {
        if (!IncidentId.TryParse(id, out var incidentId) || await store.GetPostmortemAsync(incidentId, cancellationToken) is not { } markdown)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Text(markdown, "text/markdown; charset=utf-8", Encoding.UTF8);
    }

    private static bool Authorized(HttpRequest request, byte[] expected)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = Encoding.UTF8.GetBytes(header[scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }
}

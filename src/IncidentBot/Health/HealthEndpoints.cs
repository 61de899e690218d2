using IncidentBot.Core.Persistence;

namespace IncidentBot.Health;

/// <summary>Liveness (the process answers) and readiness (the database answers and its schema is current).</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => TypedResults.Text("ok"));
        endpoints.MapGet("/readyz", async (IStorageHealth store, CancellationToken cancellationToken) =>
            await store.IsReadyAsync(cancellationToken)
                ? Results.Text("ready")
                : Results.Text("not ready: the database is unreachable, full or not migrated", statusCode: StatusCodes.Status503ServiceUnavailable));
        return endpoints;
    }
}
